package flowswitch.config;

/** How a service picks a server for a new flow: the policies the hardware implements, with their SVC_CFG code. */
public enum Scheduler {
    RR(0),
    WRR(1),
    /** Least connections: the fewest active connections (docs/datapath.md "Least connections"). */
    LC(2),
    /** Weighted least connections: the fewest active connections per unit of weight. */
    WLC(3),
    /** Maglev consistent hashing through a per-service lookup table the host loads. */
    MH(4);

    private final int code;

    Scheduler(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
