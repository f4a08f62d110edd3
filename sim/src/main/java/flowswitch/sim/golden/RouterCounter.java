package flowswitch.sim.golden;

/** Per-router-slot counters of router failover. */
public enum RouterCounter implements CounterKind {
    /** Frames for this router, down, sent to another. */
    FAILOVERS,
    /** Frames this router got in place of a down one. */
    TAKEOVERS;

    @Override
    public CounterGroup group() {
        return CounterGroup.ROUTER;
    }
}
