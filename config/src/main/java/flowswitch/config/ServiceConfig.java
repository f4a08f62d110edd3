package flowswitch.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A virtual service: the frames to a VIP, protocol and port (0 = any) are spread over its servers. */
public record ServiceConfig(String name, Ipv4Address vip, Protocol protocol, int port, Scheduler scheduler,
                            List<ServerConfig> servers) {
    /** @throws IllegalArgumentException naming the field (YAML spelling) and the allowed values */
    public ServiceConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(vip, "vip");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(scheduler, "scheduler");
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
        }
    }
}
