package flowswitch.config;

/** Whether a router takes the servers' frames, with the code RTR_CFG.state holds. */
public enum RouterState {
    /** Frames to it are sent to a live router instead (router failover). */
    DOWN(0),
    UP(1);

    private final int code;

    RouterState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
