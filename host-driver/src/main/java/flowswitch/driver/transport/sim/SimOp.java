package flowswitch.driver.transport.sim;

import java.util.Arrays;
import java.util.Optional;

/** The operation byte of a sim socket request. */
enum SimOp {
    READ(1), WRITE(2);

    private final int code;

    SimOp(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    static Optional<SimOp> fromCode(int code) {
        return Arrays.stream(values()).filter(op -> op.code == code).findFirst();
    }
}
