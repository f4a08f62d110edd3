package flowswitch.config;

/** How a service picks a server for a new flow: the policies the hardware implements, with their SVC_CFG code. */
public enum Scheduler {
    RR(0),
    WRR(1);

    private final int code;

    Scheduler(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
