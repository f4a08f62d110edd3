package flowswitch.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Whether a server takes flows, with the code the SRV_CFG register holds. */
public enum ServerState {
    /** No flows: its existing flows move to other servers. */
    DOWN(0),
    /** New and existing flows. */
    UP(1),
    /** Existing flows only, so it can be taken out of service without cutting connections. */
    DRAIN(2);

    private final int code;

    ServerState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** @throws IllegalArgumentException for a code no state has */
    public static ServerState fromCode(int code) {
        return Arrays.stream(values()).filter(s -> s.code == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("server state code " + code + " is unknown; expected "
                        + Arrays.stream(values()).map(s -> s.code + " (" + YamlSpelling.of(s) + ")")
                                .collect(Collectors.joining(", "))));
    }
}
