package flowswitch.driver.api;

import flowswitch.config.Ipv4Address;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Names a connection as an operator does: its service (name or {@code slot<N>}) and client address. The protocol
 * comes from the service, and so does the VIP port unless the service listens on any port.
 *
 * @param vipPort the port the client connected to; needed only for a service on any port (port 0)
 */
public record FlowRef(String service, Ipv4Address client, int clientPort, OptionalInt vipPort) {
    public FlowRef {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(vipPort, "vipPort");
    }

    @Override
    public String toString() {
        return service + " " + client + ":" + clientPort + vipPort.stream().mapToObj(p -> " -> port " + p)
                .findFirst().orElse("");
    }
}
