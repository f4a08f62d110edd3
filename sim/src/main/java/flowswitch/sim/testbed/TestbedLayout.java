package flowswitch.sim.testbed;

import flowswitch.config.HardwareParams;
import flowswitch.config.Ipv4Address;
import flowswitch.config.MacAddress;
import flowswitch.config.PortConfig;
import flowswitch.config.PortRole;
import flowswitch.config.Protocol;
import flowswitch.config.Scheduler;
import flowswitch.config.ServerConfig;
import flowswitch.config.ServerState;
import flowswitch.config.ServiceConfig;
import flowswitch.config.SwitchConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Who is where in a testbed of {@code servers} servers: the client (router side) on port 0, server {@code k} on port
 * {@code k}, all on one subnet through the switch, and the VIP on a subnet of its own that the client routes to the
 * switch. Addresses come from 198.18.0.0/15, the range set aside for benchmarking networks (RFC 2544), so they
 * cannot clash with a real network. Every namespace and device name starts with {@link #PREFIX}.
 */
public record TestbedLayout(int servers) {
    public static final String PREFIX = "fs-";
    public static final Ipv4Address VIP = Ipv4Address.parse("198.18.1.1");
    public static final int HTTP_PORT = 80;
    public static final int PREFIX_LENGTH = 24;
    public static final MacAddress SWITCH_MAC = MacAddress.parse("02:00:00:00:00:fe");
    public static final String SERVICE = "web";

    /** @throws IllegalArgumentException unless there is at least one server and the switch can have a port for each */
    public TestbedLayout {
        if (servers < 1) {
            throw new IllegalArgumentException("--servers must be at least 1, got " + servers);
        }
        try {
            hardware(servers);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--servers " + servers + " is too many: each server takes a switch port"
                    + " besides the uplink, and " + e.getMessage(), e);
        }
    }

    public TestbedHost client() {
        return new TestbedHost("client", PREFIX + "client", link(0), 0, MacAddress.parse("02:00:00:00:00:01"),
                Ipv4Address.parse("198.18.0.1"));
    }

    /** Servers s1..sN on ports 1..N. */
    public List<TestbedHost> serverHosts() {
        return IntStream.rangeClosed(1, servers).mapToObj(k -> new TestbedHost("s" + k, PREFIX + "s" + k, link(k), k,
                MacAddress.parse(String.format("02:00:00:00:01:%02x", k)),
                Ipv4Address.parse("198.18.0." + (10 + k)))).toList();
    }

    /** The client first, then the servers, in port order. */
    public List<TestbedHost> hosts() {
        List<TestbedHost> all = new ArrayList<>();
        all.add(client());
        all.addAll(serverHosts());
        return List.copyOf(all);
    }

    /**
     * The switch for this layout: default hardware with one port per host, port 0 the uplink, and one service, HTTP
     * on the VIP, spread round-robin over every server at the MAC of its link; each server's own address is there
     * for health checks, which reach it from the client namespace.
     */
    public SwitchConfig switchConfig() {
        List<PortConfig> ports = hosts().stream()
                .map(h -> new PortConfig(h.port(), h.port() == 0 ? PortRole.UPLINK : PortRole.SERVER)).toList();
        List<ServerConfig> servers = serverHosts().stream()
                .map(h -> new ServerConfig(h.name(), h.mac(), h.port(), 1, ServerState.UP, Optional.of(h.address())))
                .toList();
        return new SwitchConfig(hardware(this.servers), SWITCH_MAC, ports,
                List.of(new ServiceConfig(SERVICE, VIP, Protocol.TCP, HTTP_PORT, Scheduler.RR, servers)));
    }

    /** The service's address as the client asks for it. */
    public String url() {
        return "http://" + VIP + ":" + HTTP_PORT + "/";
    }

    /** The layout a testbed config describes (the servers of its one service). */
    public static TestbedLayout of(SwitchConfig config) {
        return new TestbedLayout(config.services().get(0).servers().size());
    }

    private static HardwareParams hardware(int servers) {
        return HardwareParams.defaults().withPorts(servers + 1);
    }

    private static String link(int port) {
        return PREFIX + "p" + port;
    }
}
