package flowswitch.sim.golden;

/** Per-server-slot counters. */
public enum ServerCounter implements CounterKind {
    PACKETS, BYTES, NEW_FLOWS, SYNS, SYN_ACKS,
    /** Passive health windows are time, which the model leaves out (docs/datapath.md "Passive health"). */
    SUSPECTS {
        @Override
        public boolean modeled() {
            return false;
        }
    };

    @Override
    public CounterGroup group() {
        return CounterGroup.SERVER;
    }
}
