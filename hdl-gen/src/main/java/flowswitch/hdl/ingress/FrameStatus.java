package flowswitch.hdl.ingress;

/** Outcome of receiving and parsing one frame, in the order docs/datapath.md checks them. */
public enum FrameStatus {
    OK(0), OVERSIZE(1), RX_ERROR(2), PARSE_ERROR(3);

    public static final int WIDTH = 2;
    private final int code;

    FrameStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
