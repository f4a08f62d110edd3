package flowswitch.sim.verilator;

/** AXI4-Lite BRESP/RRESP, in code order. */
public enum AxiLiteResponse {
    OKAY, EXOKAY, SLVERR, DECERR;

    static AxiLiteResponse of(int code) {
        return values()[code & 3];
    }
}
