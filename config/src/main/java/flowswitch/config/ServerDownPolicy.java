package flowswitch.config;

/** What a service does with a connection whose server went down, with the code SVC_CFG.on_server_down holds. */
public enum ServerDownPolicy {
    /** The connection moves to a live server at its next packet. */
    REASSIGN(0),
    /** The connection's packets are dropped and its flow entry kept, so it is refused the same way until it ends. */
    DROP(1);

    private final int code;

    ServerDownPolicy(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
