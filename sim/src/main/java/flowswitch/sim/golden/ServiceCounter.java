package flowswitch.sim.golden;

/** Per-service-slot counters: frames sent to one of the service's servers. */
public enum ServiceCounter implements CounterKind {
    PACKETS, BYTES;

    @Override
    public CounterGroup group() {
        return CounterGroup.SERVICE;
    }
}
