package flowswitch.sim.golden;

import flowswitch.config.MacAddress;
import flowswitch.config.ServerSlot;
import flowswitch.config.ServerState;

import java.util.Objects;

/** A valid server slot, as SRV_MAC/SRV_CFG hold it: the server's MAC, switch port, service slot, weight and state. */
public record ServerEntry(MacAddress mac, int port, int serviceIndex, int weight, ServerState state) {
    public ServerEntry {
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(state, "state");
        if (weight < 0 || weight > 0xFFFF) {
            throw new IllegalArgumentException("server weight " + weight + " is out of range; use 0..65535");
        }
    }

    public static ServerEntry of(ServerSlot slot) {
        return new ServerEntry(slot.server().mac(), slot.server().port(), slot.serviceIndex(), slot.server().weight(),
                slot.server().state());
    }

    public ServerEntry withState(ServerState newState) {
        return new ServerEntry(mac, port, serviceIndex, weight, newState);
    }

    public ServerEntry withWeight(int newWeight) {
        return new ServerEntry(mac, port, serviceIndex, newWeight, state);
    }
}
