package flowswitch.driver.api;

import flowswitch.config.MacAddress;
import flowswitch.config.ServerConfig;
import flowswitch.config.ServerState;
import java.util.Objects;

/**
 * One slot of the device's server table. An invalid slot ({@link #EMPTY}) holds no server; the other components
 * then mean nothing.
 *
 * @param service the service slot the server belongs to
 * @param port    the switch port the server hangs on
 */
public record ServerEntry(boolean valid, int service, MacAddress mac, int port, int weight, ServerState state) {
    public static final ServerEntry EMPTY = new ServerEntry(false, 0, new MacAddress(0), 0, 0, ServerState.DOWN);

    public ServerEntry {
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(state, "state");
    }

    /** A valid entry for {@code server} of service slot {@code service}. */
    public static ServerEntry of(int service, ServerConfig server) {
        return new ServerEntry(true, service, server.mac(), server.port(), server.weight(), server.state());
    }

    public ServerEntry withState(ServerState newState) {
        return new ServerEntry(valid, service, mac, port, weight, newState);
    }
}
