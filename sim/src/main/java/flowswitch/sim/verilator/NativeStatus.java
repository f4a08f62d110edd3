package flowswitch.sim.verilator;

/** Return codes of the C ABI (enum Status in the harness); non-negative results are values, not codes. */
enum NativeStatus {
    OK(0),
    EMPTY(-1),
    TOO_SMALL(-2),
    BAD_ARGUMENT(-3),
    TIMEOUT(-4),
    NO_TRACE(-5),
    FAULT(-6);

    final int code;

    NativeStatus(int code) {
        this.code = code;
    }

    static NativeStatus of(long code) {
        if (code >= 0) {
            return OK;
        }
        for (NativeStatus s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalStateException("the harness returned unknown status " + code
                + "; the library and this class are out of step: rebuild the model");
    }
}
