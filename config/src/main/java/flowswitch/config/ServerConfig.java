package flowswitch.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One real server behind a service. {@code port} is the switch port it hangs on ({@link SwitchConfig} checks it
 * exists and has role server); weight 0 keeps its flows but gives it no new ones. {@code address} is the server's
 * own IPv4 address, where health checks go (the service's VIP is shared by all its servers); the switch itself
 * never uses it.
 */
public record ServerConfig(String name, MacAddress mac, int port, int weight, ServerState state,
                           Optional<Ipv4Address> address) {
    /** @throws IllegalArgumentException naming the field (YAML spelling) and the allowed values */
    public ServerConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(address, "address");
        Rules.name("name", name);
        Rules.unicast("mac", mac);
        // SRV_CFG holds the weight in 16 bits.
        Rules.range("weight", weight, 0, 65535);
        address.ifPresent(a -> Rules.hostAddress("address", a));
    }

    /** A server without an address of its own, which its service cannot health-check. */
    public ServerConfig(String name, MacAddress mac, int port, int weight, ServerState state) {
        this(name, mac, port, weight, state, Optional.empty());
    }
}
