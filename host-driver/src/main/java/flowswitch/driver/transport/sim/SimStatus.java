package flowswitch.driver.transport.sim;

import java.util.Arrays;

/** The status byte of a sim socket response. */
enum SimStatus {
    OK(0, "ok"),
    BAD_OP(1, "the server does not know the operation"),
    BAD_ADDRESS(2, "the address is not a word-aligned address of the 16-bit register space"),
    DEVICE_ERROR(3, "the simulated device failed the access (see the simulator's log)");

    private final int code;
    private final String meaning;

    SimStatus(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    int code() {
        return code;
    }

    /** What a status code means, including codes from a newer server. */
    static String describe(int code) {
        return Arrays.stream(values()).filter(s -> s.code == code).findFirst()
                .map(s -> s.meaning + " (status " + code + ")")
                .orElse("error status " + code);
    }
}
