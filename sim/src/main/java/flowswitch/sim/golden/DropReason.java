package flowswitch.sim.golden;

/** Why the switch dropped a frame; each reason is also a global counter of the drop group. */
public enum DropReason implements CounterKind {
    OVERSIZE, RX_ERROR, PARSE_ERROR, NO_SERVER, NO_SERVICE, FILTERED, VIP_ARP, SERVER_DOWN, NO_ROUTER;

    @Override
    public CounterGroup group() {
        return CounterGroup.DROP;
    }
}
