package flowswitch.config;

import java.util.Objects;

/**
 * One real server behind a service. {@code port} is the switch port it hangs on ({@link SwitchConfig} checks it
 * exists and has role server); weight 0 keeps its flows but gives it no new ones.
 */
public record ServerConfig(String name, MacAddress mac, int port, int weight, ServerState state) {
    /** @throws IllegalArgumentException naming the field (YAML spelling) and the allowed values */
    public ServerConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(state, "state");
        Rules.name("name", name);
        Rules.unicast("mac", mac);
        // SRV_CFG holds the weight in 16 bits.
        Rules.range("weight", weight, 0, 65535);
    }
}
