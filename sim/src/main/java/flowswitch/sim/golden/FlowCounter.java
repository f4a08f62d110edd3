package flowswitch.sim.golden;

/** Flow-table counters (register names FLOW_HITS and so on). */
public enum FlowCounter implements CounterKind {
    HITS, MISSES, INSERTS, FULL, REASSIGNS;

    @Override
    public CounterGroup group() {
        return CounterGroup.FLOW;
    }
}
