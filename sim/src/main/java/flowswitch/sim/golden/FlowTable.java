package flowswitch.sim.golden;

import java.util.Arrays;
import java.util.OptionalInt;

/** The fully associative flow table: entry → (flow, server slot). New flows take the lowest free entry. */
final class FlowTable {
    private final FlowKey[] keys;
    private final int[] servers;

    FlowTable(int size) {
        this.keys = new FlowKey[size];
        this.servers = new int[size];
    }

    OptionalInt find(FlowKey key) {
        for (int entry = 0; entry < keys.length; entry++) {
            if (key.equals(keys[entry])) {
                return OptionalInt.of(entry);
            }
        }
        return OptionalInt.empty();
    }

    int server(int entry) {
        return servers[entry];
    }

    void reassign(int entry, int server) {
        servers[entry] = server;
    }

    boolean full() {
        return occupancy() == keys.length;
    }

    /** Stores the flow in the lowest free entry; the caller checks {@link #full()} first. */
    void insert(FlowKey key, int server) {
        for (int entry = 0; entry < keys.length; entry++) {
            if (keys[entry] == null) {
                keys[entry] = key;
                servers[entry] = server;
                return;
            }
        }
        throw new IllegalStateException("flow table is full; check full() before insert");
    }

    void flush() {
        Arrays.fill(keys, null);
    }

    /** Entries that hold server slot {@code server}: its active connections. */
    long connections(int server) {
        long held = 0;
        for (int entry = 0; entry < keys.length; entry++) {
            if (keys[entry] != null && servers[entry] == server) {
                held++;
            }
        }
        return held;
    }

    int occupancy() {
        int used = 0;
        for (FlowKey key : keys) {
            if (key != null) {
                used++;
            }
        }
        return used;
    }
}
