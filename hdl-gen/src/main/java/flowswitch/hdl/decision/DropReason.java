package flowswitch.hdl.decision;

/** Why a frame was dropped; each has a global counter (docs/datapath.md "Counters"). */
public enum DropReason {
    OVERSIZE, RX_ERROR, PARSE_ERROR, NO_SERVER, NO_SERVICE, FILTERED, VIP_ARP, SERVER_DOWN, NO_ROUTER;

    /** Counter name in the register map. */
    public String counterName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
