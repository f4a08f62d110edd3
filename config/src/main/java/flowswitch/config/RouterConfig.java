package flowswitch.config;

import java.util.Objects;

/**
 * One router of the router pool, known by its MAC. Frames from the servers to a router that is down go to a live
 * router instead (docs/datapath.md "Router failover"); the switch learns where each router is, so it has no port.
 */
public record RouterConfig(String name, MacAddress mac, RouterState state) {
    /** @throws IllegalArgumentException naming the field (YAML spelling) and the allowed values */
    public RouterConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(state, "state");
        Rules.name("name", name);
        Rules.unicast("mac", mac);
    }
}
