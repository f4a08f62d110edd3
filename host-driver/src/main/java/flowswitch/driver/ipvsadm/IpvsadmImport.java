package flowswitch.driver.ipvsadm;

import flowswitch.config.FlowTimeouts;
import flowswitch.config.HardwareParams;
import flowswitch.config.Ipv4Address;
import flowswitch.config.MacAddress;
import flowswitch.config.PortConfig;
import flowswitch.config.PortRole;
import flowswitch.config.Scheduler;
import flowswitch.config.ServerConfig;
import flowswitch.config.ServerState;
import flowswitch.config.ServiceConfig;
import flowswitch.config.SwitchConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns LVS rules into a switch config, so an LVS director's setup moves over in one step. LVS knows a real server
 * by its IP; the switch reaches it by MAC on a switch port, so both come from {@link ServerAddresses}. What the
 * switch cannot do (NAT or tunnel forwarding, schedulers it lacks) is refused with the line; what it simply has no
 * use for (persistence, thresholds) is left out with a warning.
 */
public final class IpvsadmImport {
    private IpvsadmImport() {
    }

    /** Where the switch reaches each real server, by the server's IP. */
    public record ServerAddresses(Map<Ipv4Address, MacAddress> macs, Map<Ipv4Address, Integer> ports) {
        public ServerAddresses {
            macs = Map.copyOf(macs);
            ports = Map.copyOf(ports);
        }
    }

    /**
     * The parts of a config ipvsadm has nothing to say about (ipvsadm-save leaves out even its timeouts, which
     * {@code ipvsadm --set} changes).
     */
    public record Base(HardwareParams hardware, MacAddress switchMac, List<PortConfig> ports, long clockHz,
                       FlowTimeouts flowTimeouts) {
        public Base {
            ports = List.copyOf(ports);
        }

        /** With the default clock and IPVS's own default timeouts. */
        public Base(HardwareParams hardware, MacAddress switchMac, List<PortConfig> ports) {
            this(hardware, switchMac, ports, SwitchConfig.DEFAULT_CLOCK_HZ, FlowTimeouts.DEFAULTS);
        }
    }

    /** The config, and what was left out of it. */
    public record Result(SwitchConfig config, List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * @param source names the rules' file in messages
     * @throws ImportException listing every rule that cannot be expressed, with its line
     */
    public static Result convert(IpvsRules rules, String source, Base base, ServerAddresses addresses) {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, IpvsService> serviceByAddress = new LinkedHashMap<>();
        Map<String, Scheduler> schedulers = new HashMap<>();
        for (IpvsService service : rules.services()) {
            IpvsService earlier = serviceByAddress.putIfAbsent(service.address(), service);
            if (earlier != null) {
                problems.add("line " + service.line() + ": service " + service.address() + " is already defined on"
                        + " line " + earlier.line());
                continue;
            }
            String named = service.scheduler().map(s -> "scheduler '" + s + "'")
                    .orElse("no -s, so ipvsadm's default scheduler 'wlc',");
            scheduler(service.scheduler().orElse("wlc")).ifPresentOrElse(s -> schedulers.put(service.address(), s),
                    () -> problems.add("line " + service.line() + ": " + named + " of service " + service.address()
                            + " is not one the hardware has; it has " + schedulerNames()));
            service.unmatched().forEach(option -> warnings.add(leftOut(service.line(), option)));
        }

        Map<String, List<ServerConfig>> serversOf = new HashMap<>();
        Map<String, Integer> lineOfServer = new HashMap<>();
        for (IpvsRealServer real : rules.servers()) {
            String at = "line " + real.line() + ": real server " + real.address() + " of " + real.service();
            if (!serviceByAddress.containsKey(real.service())) {
                problems.add(at + ": no -A rule defines that service");
                continue;
            }
            Integer earlier = lineOfServer.putIfAbsent(real.service() + " " + real.address(), real.line());
            if (earlier != null) {
                problems.add(at + " is already listed on line " + earlier + "; the switch reaches a server by its"
                        + " MAC, so it takes one entry per server");
                continue;
            }
            real.unmatched().forEach(option -> warnings.add(leftOut(real.line(), option)));
            serverConfig(real, at, base, addresses, problems)
                    .ifPresent(s -> serversOf.computeIfAbsent(real.service(), k -> new ArrayList<>()).add(s));
        }
        if (!problems.isEmpty()) {
            throw new ImportException(source, problems);
        }

        List<ServiceConfig> services = new ArrayList<>();
        for (IpvsService service : serviceByAddress.values()) {
            services.add(new ServiceConfig(serviceName(service), service.vip(), service.protocol(), service.port(),
                    schedulers.get(service.address()), serversOf.getOrDefault(service.address(), List.of())));
        }
        try {
            return new Result(new SwitchConfig(base.hardware(), base.switchMac(), base.ports(), services,
                    base.clockHz(), base.flowTimeouts()), warnings);
        } catch (IllegalArgumentException e) {
            throw new ImportException(source, List.of("the imported services do not fit the switch (" + e.getMessage()
                    + "); start from a config of a bigger build"));
        }
    }

    private static Optional<ServerConfig> serverConfig(IpvsRealServer real, String at, Base base,
                                                       ServerAddresses addresses, List<String> problems) {
        int before = problems.size();
        if (real.method() != ForwardingMethod.DIRECT_ROUTING) {
            problems.add(at + " uses " + real.method().description() + " (" + real.method().option() + "); the"
                    + " switch forwards by direct routing only (-g): it rewrites the destination MAC, never the IP");
        }
        if (real.weight() > 65535) {
            problems.add(at + ": weight " + real.weight() + " is above the switch's 65535");
        }
        MacAddress mac = addresses.macs().get(real.address());
        if (mac == null) {
            problems.add(at + ": no MAC address known for " + real.address() + "; map it with --mac "
                    + real.address() + "=MAC or a neighbour table (ip neigh)");
        }
        Integer port = addresses.ports().get(real.address());
        if (port == null) {
            problems.add(at + ": no switch port known for " + real.address() + "; map it with --port "
                    + real.address() + "=PORT");
        } else if (base.ports().stream().noneMatch(p -> p.index() == port && p.role() == PortRole.SERVER)) {
            problems.add(at + ": switch port " + port + " is not a server port of the switch (server ports: "
                    + base.ports().stream().filter(p -> p.role() == PortRole.SERVER).map(PortConfig::index).toList()
                    + ")");
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ServerConfig(serverName(real.address()), mac, port, (int) real.weight(),
                    ServerState.UP));
        } catch (IllegalArgumentException e) {
            problems.add(at + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<Scheduler> scheduler(String name) {
        return Arrays.stream(Scheduler.values()).filter(s -> s.name().toLowerCase(Locale.ROOT).equals(name))
                .findFirst();
    }

    private static String schedulerNames() {
        return Arrays.stream(Scheduler.values()).map(s -> s.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    private static String leftOut(int line, String option) {
        return "line " + line + ": left out " + option + ": the switch has no equivalent";
    }

    /** {@code tcp-192-0-2-10-80}: what the rule says, in the characters a config name allows. */
    static String serviceName(IpvsService service) {
        return service.protocol().name().toLowerCase(Locale.ROOT) + "-" + serverName(service.vip()) + "-"
                + service.port();
    }

    /** {@code 10-0-0-11}. */
    static String serverName(Ipv4Address address) {
        return address.toString().replace('.', '-');
    }
}
