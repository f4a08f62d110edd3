package flowswitch.driver.transport.serial.protocol;

import java.util.Arrays;
import java.util.Optional;

/** The status byte of a UART bridge response. Only {@link #OK} and {@link #BUS_ERROR} mean the request ran ({@link #ran}). */
public enum UartStatus {
    /** Executed; for a read the data is the register's value. */
    OK(0),
    /** The request's CRC did not match: it was not executed. */
    BAD_CRC(1),
    /** The op byte was neither read nor write: it was not executed. */
    BAD_OP(2),
    /** Executed, and the register bus answered with an error (for example an unmapped address). */
    BUS_ERROR(3);

    private final int code;

    UartStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** @throws IllegalArgumentException naming the code and the ones that exist */
    public static UartStatus fromCode(int code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("UART response status " + code
                + " is unknown; expected 0 (ok), 1 (bad crc), 2 (bad op) or 3 (bus error)"));
    }

    /** The status with this code, if there is one. */
    public static Optional<UartStatus> find(int code) {
        return Arrays.stream(values()).filter(s -> s.code == code).findFirst();
    }

    /** Whether the device ran the request: only then may a write have taken effect. */
    public boolean ran() {
        return this == OK || this == BUS_ERROR;
    }
}
