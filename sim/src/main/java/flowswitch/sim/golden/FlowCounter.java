package flowswitch.sim.golden;

/** Flow-table counters (register names FLOW_HITS and so on). */
public enum FlowCounter implements CounterKind {
    HITS(true), MISSES(true), INSERTS(true), INSERT_FAIL(true), REASSIGNS(true),
    /** Where an entry lands (rows or stash, moved or not) is the RTL's own affair: the golden model holds no rows. */
    STASH_INSERTS(false), RELOCATIONS(false),
    /** The golden model neither ages nor takes host commands: these stay 0 in it. */
    AGED_OUT(true), DELETED(true);

    private final boolean modeled;

    FlowCounter(boolean modeled) {
        this.modeled = modeled;
    }

    @Override
    public boolean modeled() {
        return modeled;
    }

    @Override
    public CounterGroup group() {
        return CounterGroup.FLOW;
    }
}
