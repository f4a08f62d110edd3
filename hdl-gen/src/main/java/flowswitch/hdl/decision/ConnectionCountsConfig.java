package flowswitch.hdl.decision;

import flowswitch.hdl.flowtable.FlowTableConfig;

/**
 * @param servers     server slots (a power of two), one count each
 * @param countBits   bits of a count: enough for every entry of the flow table
 * @param storedLanes entry-stored events that may come in one cycle
 * @param leftLanes   entry-left events that may come in one cycle
 */
public record ConnectionCountsConfig(int servers, int countBits, int storedLanes, int leftLanes) {
    public ConnectionCountsConfig {
        if (servers < 2 || servers > 256 || Integer.bitCount(servers) != 1) {
            throw new IllegalArgumentException("servers must be a power of two in 2..256, got " + servers);
        }
        if (countBits < 1 || countBits > 32) throw new IllegalArgumentException("countBits must be 1..32, got " + countBits);
        if (storedLanes < 1 || leftLanes < 1) {
            throw new IllegalArgumentException("storedLanes and leftLanes must be positive, got " + storedLanes + " and "
                    + leftLanes);
        }
    }

    public static ConnectionCountsConfig defaults() {
        return forFlowTable(16, FlowTableConfig.defaults());
    }

    /** The counts of a flow table's entries: its events' lanes (FlowTable: datapath and host stored; datapath, each
     * way candidate and the stash left). */
    public static ConnectionCountsConfig forFlowTable(int servers, FlowTableConfig table) {
        return new ConnectionCountsConfig(servers, table.countWidth(), 2, table.candidates() + 2);
    }

    public int serverBits() {
        return Integer.numberOfTrailingZeros(servers);
    }
}
