package flowswitch.sim.golden;

import java.util.List;

/**
 * What the flow table did for one service frame, with the flow counters that counts. When no server is eligible
 * nothing is stored, so only the lookup itself is counted (a miss as {@code misses}; a stale hit not at all).
 */
enum FlowOutcome {
    /** Found, and its server still takes the flow. */
    HIT(false, FlowCounter.HITS),
    /** Found, but its server is down or left the service: a new server was stored in the entry. */
    REASSIGNED(true, FlowCounter.REASSIGNS),
    /** Not found; stored. */
    INSERTED(true, FlowCounter.MISSES, FlowCounter.INSERTS),
    /** Not found and no room: picked by hash, not stored. */
    NOT_STORED(true, FlowCounter.MISSES, FlowCounter.INSERT_FAIL),
    /** Found with a dead server, and no server can take it. */
    STALE_UNSERVED(false),
    /** Found with a dead server, and the service refuses such connections: dropped, the entry unchanged. */
    REFUSED(false),
    /** Not found, and no server can take it. */
    MISS_UNSERVED(false, FlowCounter.MISSES);

    private final boolean newFlow;
    private final List<FlowCounter> counters;

    FlowOutcome(boolean newFlow, FlowCounter... counters) {
        this.newFlow = newFlow;
        this.counters = List.of(counters);
    }

    /** Counted in the picked server's {@code new_flows}. */
    boolean newFlow() {
        return newFlow;
    }

    List<FlowCounter> counters() {
        return counters;
    }
}
