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

    public ServerEntry withMac(MacAddress newMac) {
        return new ServerEntry(valid, service, newMac, port, weight, state);
    }

    public ServerEntry withPort(int newPort) {
        return new ServerEntry(valid, service, mac, newPort, weight, state);
    }

    public ServerEntry withWeight(int newWeight) {
        return new ServerEntry(valid, service, mac, port, newWeight, state);
    }

    /** {@code mac 02:00:00:00:01:01, port 1, weight 3, up}. */
    public String summary() {
        return "mac " + mac + ", port " + port + ", weight " + weight + ", " + ServiceEntry.spell(state);
    }
}
