package flowswitch.sim.golden;

import java.util.List;
import java.util.Optional;

/** Where the learning bridge sends a frame: {@code ports} in ascending order, or the reason it drops it. */
record BridgeDecision(List<Integer> ports, Optional<DropReason> drop) {
    static BridgeDecision to(List<Integer> ports) {
        return new BridgeDecision(List.copyOf(ports), Optional.empty());
    }

    static BridgeDecision dropped(DropReason reason) {
        return new BridgeDecision(List.of(), Optional.of(reason));
    }
}
