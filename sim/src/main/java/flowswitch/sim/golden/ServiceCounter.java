package flowswitch.sim.golden;

/**
 * Per-service-slot counters: frames sent to one of the service's servers, and ARP requests for its VIP that the switch
 * answered.
 */
public enum ServiceCounter implements CounterKind {
    PACKETS, BYTES, ARP_REPLIES;

    @Override
    public CounterGroup group() {
        return CounterGroup.SERVICE;
    }
}
