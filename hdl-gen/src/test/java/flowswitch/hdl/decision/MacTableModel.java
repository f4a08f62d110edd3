package flowswitch.hdl.decision;

/**
 * The learning bridge's table as docs/datapath.md says: a known source moves to its new port; a new one takes the
 * lowest free entry, or, when the table is full, entry {@code victim}, which then moves on by one.
 */
final class MacTableModel {
    private final long[] macs;
    private final int[] ports;
    private final boolean[] valid;
    private int victim;

    MacTableModel(int entries) {
        macs = new long[entries];
        ports = new int[entries];
        valid = new boolean[entries];
    }

    MacLookup lookup(long mac) {
        int occupancy = 0;
        int port = -1;
        for (int i = 0; i < macs.length; i++) {
            if (!valid[i]) continue;
            occupancy++;
            if (macs[i] == mac) port = ports[i];
        }
        return MacLookup.of(port >= 0, port, occupancy);
    }

    void learn(long mac, int port) {
        for (int i = 0; i < macs.length; i++) {
            if (valid[i] && macs[i] == mac) {
                ports[i] = port;
                return;
            }
        }
        for (int i = 0; i < macs.length; i++) {
            if (!valid[i]) {
                store(i, mac, port);
                return;
            }
        }
        store(victim, mac, port);
        victim = (victim + 1) % macs.length;
    }

    private void store(int index, long mac, int port) {
        valid[index] = true;
        macs[index] = mac;
        ports[index] = port;
    }
}
