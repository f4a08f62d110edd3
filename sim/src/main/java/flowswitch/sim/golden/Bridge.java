package flowswitch.sim.golden;

import flowswitch.config.MacAddress;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** The learning bridge for every frame that is not a service frame, and the learning step for all frames. */
final class Bridge {
    private final MacTable macs;
    private final MacAddress switchMac;
    private final int portCount;

    Bridge(MacTable macs, MacAddress switchMac, int portCount) {
        this.macs = macs;
        this.switchMac = switchMac;
        this.portCount = portCount;
    }

    BridgeDecision decide(int ingressPort, ParsedFrame frame) {
        MacAddress destination = frame.destination();
        if (destination.equals(switchMac)) {
            // Addressed to the switch, and the classifier found no service for it.
            return BridgeDecision.dropped(DropReason.NO_SERVICE);
        }
        OptionalInt known = destination.isMulticast() ? OptionalInt.empty() : macs.lookup(destination);
        if (known.isEmpty()) {
            return BridgeDecision.to(flood(ingressPort));
        }
        if (known.getAsInt() == ingressPort) {
            return BridgeDecision.dropped(DropReason.FILTERED);
        }
        return BridgeDecision.to(List.of(known.getAsInt()));
    }

    /** Runs for every frame that passed parsing, after its destination lookup. */
    void learn(int ingressPort, ParsedFrame frame) {
        if (!frame.source().isMulticast()) {
            macs.learn(frame.source(), ingressPort);
        }
    }

    private List<Integer> flood(int ingressPort) {
        List<Integer> ports = new ArrayList<>();
        for (int port = 0; port < portCount; port++) {
            if (port != ingressPort) {
                ports.add(port);
            }
        }
        return ports;
    }
}
