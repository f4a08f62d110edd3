package flowswitch.driver.api;

import java.util.Arrays;

/**
 * Which idle timeout ages a connection out, as FLOW_RESULT_ENTRY.kind holds it. The names follow the config's
 * {@code flow_timeouts} keys.
 */
public enum FlowKind {
    TCP(0, "FLOW_TIMEOUT_TCP_ESTABLISHED"),
    /** A TCP connection that has sent FIN or RST: it only lingers for the short timeout. */
    TCP_CLOSING(1, "FLOW_TIMEOUT_TCP_CLOSING"),
    UDP(2, "FLOW_TIMEOUT_UDP");

    private final int code;
    private final String timeoutRegister;

    FlowKind(int code, String timeoutRegister) {
        this.code = code;
        this.timeoutRegister = timeoutRegister;
    }

    public int code() {
        return code;
    }

    /** The register that holds this kind's idle timeout. */
    public String timeoutRegister() {
        return timeoutRegister;
    }

    /** @throws IllegalArgumentException when no kind has {@code code} */
    static FlowKind of(int code) {
        return Arrays.stream(values()).filter(k -> k.code == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("flow kind code " + code + " is not one this driver"
                        + " knows (" + Arrays.toString(values()) + ")"));
    }
}
