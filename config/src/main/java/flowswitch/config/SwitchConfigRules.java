package flowswitch.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rules that span a whole {@link SwitchConfig}: port coverage, references, uniqueness and hardware capacity. */
final class SwitchConfigRules {
    private SwitchConfigRules() {
    }

    /** An aging tick must last at least one clock; 1 GHz is beyond any FPGA fabric clock, so more is a typo. */
    private static final long MIN_CLOCK_HZ = Duration.ofSeconds(1).dividedBy(FlowTimeouts.TICK);
    private static final long MAX_CLOCK_HZ = 1_000_000_000;

    static void check(HardwareParams hardware, MacAddress switchMac, List<PortConfig> ports,
                      List<ServiceConfig> services, long clockHz) {
        Rules.unicast("switch.mac", switchMac);
        Rules.range("switch.clock_hz", clockHz, MIN_CLOCK_HZ, MAX_CLOCK_HZ);
        PortRole[] roles = portRoles(hardware, ports);
        checkServices(hardware, services);
        checkServers(hardware, roles, services);
    }

    /** Every port exactly once, at least one uplink; returns the role of each port by index. */
    private static PortRole[] portRoles(HardwareParams hardware, List<PortConfig> ports) {
        int count = hardware.ports();
        PortRole[] roles = new PortRole[count];
        Map<Integer, Integer> listedAt = new HashMap<>();
        for (int i = 0; i < ports.size(); i++) {
            int index = ports.get(i).index();
            String field = "ports[" + i + "].index";
            if (index < 0 || index >= count) {
                throw new FieldException(field, index + " is out of range; this switch has ports 0.." + (count - 1)
                        + " (hardware.ports: " + count + ")");
            }
            Integer first = listedAt.putIfAbsent(index, i);
            if (first != null) {
                throw new FieldException(field, "port " + index + " is already listed at ports[" + first
                        + "]; list every port once");
            }
            roles[index] = ports.get(i).role();
        }
        for (int index = 0; index < count; index++) {
            if (roles[index] == null) {
                throw new FieldException("ports", "port " + index + " is not listed; list every port 0.."
                        + (count - 1) + " exactly once (hardware.ports: " + count + ")");
            }
        }
        if (!List.of(roles).contains(PortRole.UPLINK)) {
            throw new FieldException("ports", "no port has role uplink; the routers need at least one uplink port");
        }
        return roles;
    }

    private static void checkServices(HardwareParams hardware, List<ServiceConfig> services) {
        if (services.size() > hardware.maxServices()) {
            throw new FieldException("services[" + hardware.maxServices() + "]", "too many services: "
                    + services.size() + " listed but hardware.max_services is " + hardware.maxServices());
        }
        Map<String, Integer> names = new HashMap<>();
        Map<List<Object>, Integer> matches = new HashMap<>();
        for (int i = 0; i < services.size(); i++) {
            ServiceConfig service = services.get(i);
            Integer first = names.putIfAbsent(service.name(), i);
            if (first != null) {
                throw new FieldException("services[" + i + "].name", "'" + service.name()
                        + "' is already the name of services[" + first + "]; service names must be unique");
            }
            first = matches.putIfAbsent(List.of(service.vip(), service.protocol(), service.port()), i);
            if (first != null) {
                throw new FieldException("services[" + i + "].vip", service.vip() + " "
                        + YamlSpelling.of(service.protocol()) + " port " + service.port()
                        + " is already used by services[" + first + "] '" + services.get(first).name()
                        + "'; each vip, protocol and port may belong to one service only");
            }
        }
    }

    private static void checkServers(HardwareParams hardware, PortRole[] roles, List<ServiceConfig> services) {
        int slot = 0;
        for (int s = 0; s < services.size(); s++) {
            List<ServerConfig> servers = services.get(s).servers();
            for (int i = 0; i < servers.size(); i++, slot++) {
                String field = "services[" + s + "].servers[" + i + "]";
                if (slot == hardware.maxServers()) {
                    throw new FieldException(field, "too many servers: the services list "
                            + totalServers(services) + " but hardware.max_servers is " + hardware.maxServers());
                }
                int port = servers.get(i).port();
                if (port < 0 || port >= roles.length) {
                    throw new FieldException(field + ".port", "port " + port + " does not exist; this switch has"
                            + " ports 0.." + (roles.length - 1));
                }
                if (roles[port] != PortRole.SERVER) {
                    throw new FieldException(field + ".port", "port " + port + " has role "
                            + YamlSpelling.of(roles[port])
                            + "; a server must hang on a port with role server");
                }
            }
        }
    }

    /** Fits the router table; names and MACs unique, and no router MAC is the switch's or a server's. */
    static void checkRouters(HardwareParams hardware, MacAddress switchMac, List<ServiceConfig> services,
                             List<RouterConfig> routers) {
        if (routers.size() > hardware.maxRouters()) {
            throw new FieldException("routers[" + hardware.maxRouters() + "]", "too many routers: " + routers.size()
                    + " listed but hardware.max_routers is " + hardware.maxRouters());
        }
        Map<String, Integer> names = new HashMap<>();
        Map<MacAddress, String> macs = new HashMap<>();
        macs.put(switchMac, "switch.mac");
        for (int s = 0; s < services.size(); s++) {
            List<ServerConfig> servers = services.get(s).servers();
            for (int i = 0; i < servers.size(); i++) {
                macs.putIfAbsent(servers.get(i).mac(), "services[" + s + "].servers[" + i + "].mac");
            }
        }
        for (int i = 0; i < routers.size(); i++) {
            RouterConfig router = routers.get(i);
            Integer first = names.putIfAbsent(router.name(), i);
            if (first != null) {
                throw new FieldException("routers[" + i + "].name", "'" + router.name()
                        + "' is already the name of routers[" + first + "]; router names must be unique");
            }
            String owner = macs.putIfAbsent(router.mac(), "routers[" + i + "].mac");
            if (owner != null) {
                throw new FieldException("routers[" + i + "].mac", router.mac() + " is already " + owner
                        + "; each router needs its own MAC");
            }
        }
    }

    private static int totalServers(List<ServiceConfig> services) {
        return services.stream().mapToInt(s -> s.servers().size()).sum();
    }
}
