package flowswitch.sim.golden;

import flowswitch.config.MacAddress;

import java.util.OptionalInt;

/** Station MAC → port. No ageing: when full, a round-robin victim pointer picks the entry to overwrite. */
final class MacTable {
    private final MacAddress[] macs;
    private final int[] ports;
    private int victim;

    MacTable(int size) {
        this.macs = new MacAddress[size];
        this.ports = new int[size];
    }

    OptionalInt lookup(MacAddress mac) {
        OptionalInt entry = find(mac);
        return entry.isPresent() ? OptionalInt.of(ports[entry.getAsInt()]) : OptionalInt.empty();
    }

    void learn(MacAddress mac, int port) {
        OptionalInt entry = find(mac);
        if (entry.isPresent()) {
            ports[entry.getAsInt()] = port;
            return;
        }
        int target = firstFree().orElseGet(() -> {
            int chosen = victim;
            victim = (victim + 1) % macs.length;
            return chosen;
        });
        macs[target] = mac;
        ports[target] = port;
    }

    int occupancy() {
        int used = 0;
        for (MacAddress mac : macs) {
            if (mac != null) {
                used++;
            }
        }
        return used;
    }

    private OptionalInt find(MacAddress mac) {
        for (int entry = 0; entry < macs.length; entry++) {
            if (mac.equals(macs[entry])) {
                return OptionalInt.of(entry);
            }
        }
        return OptionalInt.empty();
    }

    private OptionalInt firstFree() {
        for (int entry = 0; entry < macs.length; entry++) {
            if (macs[entry] == null) {
                return OptionalInt.of(entry);
            }
        }
        return OptionalInt.empty();
    }
}
