package flowswitch.sim.golden;

/** Per-server-slot counters. */
public enum ServerCounter implements CounterKind {
    PACKETS, BYTES, NEW_FLOWS;

    @Override
    public CounterGroup group() {
        return CounterGroup.SERVER;
    }
}
