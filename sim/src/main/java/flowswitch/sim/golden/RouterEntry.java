package flowswitch.sim.golden;

import flowswitch.config.MacAddress;
import flowswitch.config.RouterConfig;
import flowswitch.config.RouterState;

import java.util.Objects;

/** A valid router slot, as RTR_MAC/RTR_CFG hold it. */
public record RouterEntry(MacAddress mac, RouterState state) {
    public RouterEntry {
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(state, "state");
    }

    public static RouterEntry of(RouterConfig router) {
        return new RouterEntry(router.mac(), router.state());
    }
}
