package flowswitch.driver.api;

import flowswitch.config.MacAddress;
import flowswitch.config.RouterConfig;
import flowswitch.config.RouterState;
import java.util.Objects;

/** One slot of the device's router table. An invalid slot ({@link #EMPTY}) holds no router. */
public record RouterEntry(boolean valid, MacAddress mac, RouterState state) {
    public static final RouterEntry EMPTY = new RouterEntry(false, new MacAddress(0), RouterState.DOWN);

    public RouterEntry {
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(state, "state");
    }

    public static RouterEntry of(RouterConfig router) {
        return new RouterEntry(true, router.mac(), router.state());
    }

    public RouterEntry withState(RouterState newState) {
        return new RouterEntry(valid, mac, newState);
    }

    /** {@code mac 02:00:00:00:09:01, up}. */
    public String summary() {
        return "mac " + mac + ", " + ServiceEntry.spell(state);
    }
}
