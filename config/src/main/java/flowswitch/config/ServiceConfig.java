package flowswitch.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A virtual service: the frames to a VIP, protocol and port (0 = any) are spread over its servers. With
 * {@code health}, the host checks each server at its own address and takes it in and out of service;
 * {@code onServerDown} says what becomes of the connections of a server that went down.
 */
public record ServiceConfig(String name, Ipv4Address vip, Protocol protocol, int port, Scheduler scheduler,
                            List<ServerConfig> servers, Optional<HealthCheck> health, ServerDownPolicy onServerDown) {
    /** @throws IllegalArgumentException naming the field (YAML spelling) and the allowed values */
    public ServiceConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(vip, "vip");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(onServerDown, "onServerDown");
        servers = List.copyOf(servers);
        Rules.name("name", name);
        Rules.range("port", port, 0, 65535);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < servers.size(); i++) {
            Integer first = seen.putIfAbsent(servers.get(i).name(), i);
            if (first != null) {
                throw new FieldException("servers[" + i + "].name", "'" + servers.get(i).name()
                        + "' is already the name of servers[" + first + "]; server names must be unique in a service");
            }
            if (health.isPresent() && servers.get(i).address().isEmpty()) {
                throw new FieldException("servers[" + i + "].address", "server '" + servers.get(i).name()
                        + "' has no address, and this service has health checks, which go to each server's own"
                        + " address; add its IPv4 address (address: 10.0.0.11) or remove the health block");
            }
        }
    }

    /** A service whose down servers' connections are reassigned. */
    public ServiceConfig(String name, Ipv4Address vip, Protocol protocol, int port, Scheduler scheduler,
                         List<ServerConfig> servers, Optional<HealthCheck> health) {
        this(name, vip, protocol, port, scheduler, servers, health, ServerDownPolicy.REASSIGN);
    }

    /** A service without health checks. */
    public ServiceConfig(String name, Ipv4Address vip, Protocol protocol, int port, Scheduler scheduler,
                         List<ServerConfig> servers) {
        this(name, vip, protocol, port, scheduler, servers, Optional.empty());
    }

    public ServiceConfig withOnServerDown(ServerDownPolicy value) {
        return new ServiceConfig(name, vip, protocol, port, scheduler, servers, health, value);
    }
}
