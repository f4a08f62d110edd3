package flowswitch.sim.golden;

import flowswitch.config.ServerState;

import java.util.Optional;
import java.util.OptionalInt;

/** The flat server table: slot → server, or empty for an invalid slot. */
final class ServerTable {
    private final ServerEntry[] slots;

    ServerTable(int maxServers) {
        this.slots = new ServerEntry[maxServers];
    }

    int size() {
        return slots.length;
    }

    void set(int slot, Optional<ServerEntry> server) {
        slots[slot] = server.orElse(null);
    }

    Optional<ServerEntry> get(int slot) {
        return Optional.ofNullable(slots[slot]);
    }

    /** A flow already on this server stays there: it still belongs to the service and is up or draining. */
    boolean keepsFlows(int slot, int service) {
        ServerEntry server = slots[slot];
        return server != null && server.serviceIndex() == service
                && (server.state() == ServerState.UP || server.state() == ServerState.DRAIN);
    }

    /** May take a new flow of the service. */
    boolean eligible(int slot, int service) {
        ServerEntry server = slots[slot];
        return server != null && server.serviceIndex() == service && server.state() == ServerState.UP
                && server.weight() > 0;
    }

    /** The first eligible slot in the order start, start+1, … (modulo the table size). */
    OptionalInt firstEligible(int service, int start) {
        for (int i = 0; i < slots.length; i++) {
            int slot = (start + i) % slots.length;
            if (eligible(slot, service)) {
                return OptionalInt.of(slot);
            }
        }
        return OptionalInt.empty();
    }
}
