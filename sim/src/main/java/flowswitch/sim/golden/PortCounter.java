package flowswitch.sim.golden;

/** Per-port counters. */
public enum PortCounter implements CounterKind {
    RX_PACKETS, RX_BYTES, TX_PACKETS, TX_BYTES, DROPS;

    @Override
    public CounterGroup group() {
        return CounterGroup.PORT;
    }
}
