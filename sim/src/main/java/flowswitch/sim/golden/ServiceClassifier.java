package flowswitch.sim.golden;

import java.util.Optional;
import java.util.OptionalInt;

/** Decides whether a parsed frame is a service frame, and for which service slot (the lowest that matches). */
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

    OptionalInt classify(int ingressPort, ParsedFrame frame) {
        if ((uplinkMask >>> ingressPort & 1) == 0 || frame.ports().isEmpty()) {
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
