package flowswitch.hdl.flowtable;

/** What the host asks of the table through FLOW_CMD (docs/register-map.md "Flow table access"). */
public enum HostOp {
    /** Read the entry at FLOW_LOCATION (a dump walks every location). */
    READ(1),
    /** Find the connection FLOW_KEY_*; its location and entry come back. */
    LOOKUP(2),
    /** Store FLOW_KEY_* → FLOW_SERVER: a known connection changes server, a new one takes a free entry. */
    INSERT(3),
    /** Remove the connection FLOW_KEY_*. */
    DELETE(4);

    public static final int WIDTH = 3;

    private final int code;

    HostOp(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
