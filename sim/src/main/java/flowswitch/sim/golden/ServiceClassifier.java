package flowswitch.sim.golden;

import flowswitch.config.Ipv4Address;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The service table as the datapath matches it: whether a parsed frame is a service frame and for which service slot
 * (the lowest that matches), and which addresses are VIPs.
 */
final class ServiceClassifier {
    private final int uplinkMask;
    private final ServiceEntry[] slots;

    ServiceClassifier(int uplinkMask, int maxServices) {
        this.uplinkMask = uplinkMask;
        this.slots = new ServiceEntry[maxServices];
    }

    void set(int slot, Optional<ServiceEntry> service) {
        slots[slot] = service.orElse(null);
    }

    ServiceEntry service(int slot) {
        return slots[slot];
    }

    boolean uplink(int port) {
        return (uplinkMask >>> port & 1) != 0;
    }

    /** The lowest enabled slot whose VIP is {@code ip}, whatever its protocol and port. */
    OptionalInt vipSlot(Ipv4Address ip) {
        for (int s = 0; s < slots.length; s++) {
            if (slots[s] != null && slots[s].vip().equals(ip)) {
                return OptionalInt.of(s);
            }
        }
        return OptionalInt.empty();
    }

    OptionalInt classify(int ingressPort, ParsedFrame frame) {
        if (!uplink(ingressPort) || frame.ports().isEmpty()) {
            return OptionalInt.empty();
        }
        for (int s = 0; s < slots.length; s++) {
            if (slots[s] != null && slots[s].matches(frame.ports().get())) {
                return OptionalInt.of(s);
            }
        }
        return OptionalInt.empty();
    }
}
