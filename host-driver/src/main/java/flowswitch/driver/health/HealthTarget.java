package flowswitch.driver.health;

import flowswitch.config.HealthCheck;
import flowswitch.config.Ipv4Address;
import flowswitch.config.Probe;
import flowswitch.config.ServerConfig;
import flowswitch.config.ServiceConfig;
import flowswitch.config.SwitchConfig;
import flowswitch.driver.api.ServerRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** One server to check: where it is, how to check it, and which device server it stands for. */
public record HealthTarget(String service, String server, Ipv4Address address, HealthCheck check) {
    public HealthTarget {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(check, "check");
    }

    /** Every server of every service of {@code config} that has a health block, in file order. */
    public static List<HealthTarget> allIn(SwitchConfig config) {
        List<HealthTarget> targets = new ArrayList<>();
        for (ServiceConfig service : config.services()) {
            service.health().ifPresent(check -> {
                for (ServerConfig server : service.servers()) {
                    // ServiceConfig refuses a service with health checks and a server without an address.
                    targets.add(new HealthTarget(service.name(), server.name(), server.address().orElseThrow(),
                            check));
                }
            });
        }
        return List.copyOf(targets);
    }

    public ServerRef ref() {
        return ServerRef.in(service, server);
    }

    /** {@code tcp 10.0.0.12:80}, {@code http 10.0.0.12:80/health}, {@code icmp 10.0.0.12}. */
    public String describe() {
        return kind() + " " + address + endpoint();
    }

    /** What is checked at the address: {@code tcp :80}, {@code http :80/health}, {@code icmp}. */
    public String checkText() {
        String endpoint = endpoint();
        return endpoint.isEmpty() ? kind() : kind() + " " + endpoint;
    }

    private String kind() {
        return check.probe().kind().name().toLowerCase(Locale.ROOT);
    }

    private String endpoint() {
        Probe probe = check.probe();
        if (probe instanceof Probe.Tcp tcp) {
            return ":" + tcp.port();
        }
        if (probe instanceof Probe.Http http) {
            return ":" + http.port() + http.path();
        }
        return "";
    }
}
