package flowswitch.hdl.decision;

import java.math.BigInteger;

/** The flow table as docs/datapath.md uses it: fully associative, lowest free entry, flush empties it. */
final class FlowTableModel {
    private final BigInteger[] keys;
    private final long[] values;

    FlowTableModel(int entries) {
        keys = new BigInteger[entries];
        values = new long[entries];
    }

    FlowLookup lookup(BigInteger key) {
        int hit = -1;
        int free = -1;
        int occupancy = 0;
        for (int i = keys.length - 1; i >= 0; i--) {
            if (keys[i] == null) {
                free = i;
            } else {
                occupancy++;
                if (keys[i].equals(key)) hit = i;
            }
        }
        return FlowLookup.of(hit >= 0, hit, hit >= 0 ? values[hit] : 0, free >= 0, free, occupancy);
    }

    /** The entry holding {@code key}, or -1. */
    int indexOf(BigInteger key) {
        for (int i = 0; i < keys.length; i++) if (key.equals(keys[i])) return i;
        return -1;
    }

    void write(int index, BigInteger key, long value) {
        keys[index] = key;
        values[index] = value;
    }

    void flush() {
        java.util.Arrays.fill(keys, null);
    }
}
