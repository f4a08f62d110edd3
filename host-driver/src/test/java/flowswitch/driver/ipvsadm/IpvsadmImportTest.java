package flowswitch.driver.ipvsadm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.config.FlowTimeouts;
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
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ipvsadm-save output, as an LVS director prints it, turned into a config. */
class IpvsadmImportTest {
    /** `ipvsadm-save -n` of a director with a weighted web pool, a persistent TLS service and DNS. */
    static final String SAVED = """
            -A -t 192.0.2.10:80 -s wrr
            -a -t 192.0.2.10:80 -r 10.0.0.11:80 -g -w 3
            -a -t 192.0.2.10:80 -r 10.0.0.12:80 -g -w 1
            -A -t 192.0.2.10:443 -s rr -p 300
            -a -t 192.0.2.10:443 -r 10.0.0.11:443 -g -w 1
            -a -t 192.0.2.10:443 -r 10.0.0.12:443 -g -w 0
            -A -u 192.0.2.53:53 -s rr
            -a -u 192.0.2.53:53 -r 10.0.0.21:53 -g -w 1
            """;

    /** `ip neigh show` on that director. */
    static final String NEIGHBORS = """
            10.0.0.11 dev eth1 lladdr 52:54:00:0a:00:0b REACHABLE
            10.0.0.12 dev eth1 lladdr 52:54:00:0a:00:0c STALE
            10.0.0.21 dev eth1 lladdr 52:54:00:0a:00:15 DELAY
            10.0.0.99 dev eth1  FAILED
            fe80::5054:ff:fe0a:b dev eth1 lladdr 52:54:00:0a:00:0b router STALE
            192.168.1.1 dev eth0 lladdr 00:11:22:33:44:55 REACHABLE
            """;

    private static final IpvsadmImport.Base BASE = new IpvsadmImport.Base(HardwareParams.defaults(),
            MacAddress.parse("02:00:00:00:00:fe"), List.of(new PortConfig(0, PortRole.UPLINK),
            new PortConfig(1, PortRole.SERVER), new PortConfig(2, PortRole.SERVER),
            new PortConfig(3, PortRole.SERVER)));

    private static IpvsadmImport.ServerAddresses addresses() {
        Map<Ipv4Address, Integer> ports = new HashMap<>();
        ports.put(Ipv4Address.parse("10.0.0.11"), 1);
        ports.put(Ipv4Address.parse("10.0.0.12"), 2);
        ports.put(Ipv4Address.parse("10.0.0.21"), 3);
        return new IpvsadmImport.ServerAddresses(NeighborTable.parse(NEIGHBORS, "neigh.txt"), ports);
    }

    private static IpvsadmImport.Result convert(String text) {
        return IpvsadmImport.convert(IpvsadmParser.parse(text, "rules.txt"), "rules.txt", BASE, addresses());
    }

    @Test
    void servicesAndDirectRoutingServersCarryOver() {
        IpvsadmImport.Result result = convert(SAVED);
        MacAddress mac11 = MacAddress.parse("52:54:00:0a:00:0b");
        MacAddress mac12 = MacAddress.parse("52:54:00:0a:00:0c");
        assertEquals(List.of(
                new ServiceConfig("tcp-192-0-2-10-80", Ipv4Address.parse("192.0.2.10"), Protocol.TCP, 80,
                        Scheduler.WRR, List.of(new ServerConfig("10-0-0-11", mac11, 1, 3, ServerState.UP),
                        new ServerConfig("10-0-0-12", mac12, 2, 1, ServerState.UP))),
                new ServiceConfig("tcp-192-0-2-10-443", Ipv4Address.parse("192.0.2.10"), Protocol.TCP, 443,
                        Scheduler.RR, List.of(new ServerConfig("10-0-0-11", mac11, 1, 1, ServerState.UP),
                        new ServerConfig("10-0-0-12", mac12, 2, 0, ServerState.UP))),
                new ServiceConfig("udp-192-0-2-53-53", Ipv4Address.parse("192.0.2.53"), Protocol.UDP, 53,
                        Scheduler.RR, List.of(new ServerConfig("10-0-0-21", MacAddress.parse("52:54:00:0a:00:15"), 3,
                        1, ServerState.UP)))), result.config().services());
        assertEquals(BASE.ports(), result.config().ports());
        assertEquals(List.of("line 4: left out -p 300 (persistence): the switch has no equivalent"), result.warnings());
    }

    @Test
    void theBasesClockAndFlowTimeoutsCarryOver() {
        FlowTimeouts timeouts = new FlowTimeouts(Duration.ofSeconds(3600), Duration.ofSeconds(10),
                Duration.ofSeconds(60));
        IpvsadmImport.Base base = new IpvsadmImport.Base(BASE.hardware(), BASE.switchMac(), BASE.ports(), 156_250_000,
                timeouts);
        SwitchConfig config = IpvsadmImport.convert(IpvsadmParser.parse(SAVED, "rules.txt"), "rules.txt", base,
                addresses()).config();
        assertEquals(156_250_000, config.clockHz());
        assertEquals(timeouts, config.flowTimeouts());
        assertEquals(FlowTimeouts.DEFAULTS, convert(SAVED).config().flowTimeouts());
    }

    @Test
    void longOptionsCommentsAndAnyPortServicesAreRead() {
        String text = """
                # written by hand after ipvsadm -S -n
                --add-service --udp-service 192.0.2.53:0 --scheduler wrr

                --add-server --udp-service 192.0.2.53:0 --real-server 10.0.0.21 --gatewaying --weight 2 -x 100 -y 50
                """;
        IpvsadmImport.Result result = convert(text);
        ServiceConfig service = result.config().services().get(0);
        assertEquals(0, service.port());
        assertEquals(Scheduler.WRR, service.scheduler());
        assertEquals(2, service.servers().get(0).weight());
        assertEquals(List.of("line 4: left out -x 100: the switch has no equivalent",
                "line 4: left out -y 50: the switch has no equivalent"), result.warnings());
    }

    @Test
    void everyRuleTheSwitchCannotExpressIsNamedWithItsLine() {
        String text = """
                -A -t 192.0.2.10:80 -s wlc
                -a -t 192.0.2.10:80 -r 10.0.0.11:80 -m -w 1
                -a -t 192.0.2.10:80 -r 10.0.0.12:80 -i -w 1
                -A -t 192.0.2.10:8080 -s sh
                -A -f 42 -s rr
                -a -t 192.0.2.10:81 -r 10.0.0.11:81 -g -w 1
                -A -t [2001:db8::1]:80 -s rr
                -A -t www.example.com:http -s rr
                frobnicate
                -a -t 192.0.2.10:80 -r 10.0.0.13:80 -g -w 1
                """;
        ImportException e = assertThrows(ImportException.class, () -> convert(text));
        assertEquals(List.of(
                "line 5: firewall-mark service 42 (-f) cannot be expressed: the switch matches services by VIP,"
                        + " protocol and port",
                "line 7: '[2001:db8::1]:80' is an IPv6 address; the switch balances IPv4 only",
                "line 8: 'www.example.com:http' is not IP:PORT in numbers; write the file with `ipvsadm-save -n` so"
                        + " addresses and ports are not resolved to names",
                "line 9: 'frobnicate' is not a rule ipvsadm-save writes; expected -A (a virtual service) or -a (a real"
                        + " server)"), e.problems());
        assertTrue(e.getMessage().startsWith("rules.txt: 4 problems: line 5: "), e.getMessage());

        // Once the file reads, what it says is checked against the switch.
        String readable = String.join("\n", text.lines().filter(l -> !l.startsWith("-A -f") && !l.contains("[")
                && !l.contains("www") && !l.equals("frobnicate")).toList());
        ImportException unsupported = assertThrows(ImportException.class, () -> convert(readable));
        assertEquals(List.of(
                "line 4: scheduler 'sh' of service tcp 192.0.2.10:8080 is not one the hardware has; it has rr, wrr,"
                        + " lc, wlc, mh",
                "line 2: real server 10.0.0.11 of tcp 192.0.2.10:80 uses NAT (masquerading) (-m); the switch"
                        + " forwards by direct routing only (-g): it rewrites the destination MAC, never the IP",
                "line 3: real server 10.0.0.12 of tcp 192.0.2.10:80 uses IP-in-IP tunnelling (-i); the switch"
                        + " forwards by direct routing only (-g): it rewrites the destination MAC, never the IP",
                "line 5: real server 10.0.0.11 of tcp 192.0.2.10:81: no -A rule defines that service",
                "line 6: real server 10.0.0.13 of tcp 192.0.2.10:80: no MAC address known for 10.0.0.13; map it with"
                        + " --mac 10.0.0.13=MAC or a neighbour table (ip neigh)",
                "line 6: real server 10.0.0.13 of tcp 192.0.2.10:80: no switch port known for 10.0.0.13; map it with"
                        + " --port 10.0.0.13=PORT"), unsupported.problems());
    }

    @Test
    void aServiceWithoutASchedulerHasIpvsadmsDefault() {
        assertEquals(Scheduler.WLC, convert("-A -t 192.0.2.10:80\n").config().services().get(0).scheduler());
    }

    @Test
    void ipvsSchedulersTheHardwareHasKeepTheirNames() {
        for (Scheduler s : Scheduler.values()) {
            String name = s.name().toLowerCase(java.util.Locale.ROOT);
            assertEquals(s, convert("-A -t 192.0.2.10:80 -s " + name + "\n").config().services().get(0).scheduler());
        }
    }

    @Test
    void malformedRulesAndBadMappingsAreRefused() {
        ImportException malformed = assertThrows(ImportException.class, () -> convert("""
                -A -t 192.0.2.10:80 -s
                -A -t 192.0.2.10 -s rr
                -A -s rr
                -a -t 192.0.2.10:80 -g
                -a -t 192.0.2.10:80 -r 10.0.0.11:80 -w lots
                -A -t 192.0.2.10:80 -s rr --frob
                -A -t 192.0.2.300:80 -s rr
                """));
        assertEquals(List.of("line 1: -s needs a value",
                "line 2: service '192.0.2.10' has no port; expected VIP:PORT (port 0 = any)",
                "line 3: -A names no service; expected -t VIP:PORT or -u VIP:PORT",
                "line 4: -a names no real server; expected -r RIP:PORT",
                "line 5: -w 'lots' is not a number 0..2147483647",
                "line 6: unknown option '--frob'",
                "line 7: '192.0.2.300:80': '192.0.2.300' is not an IPv4 address; expected four decimal numbers 0..255"
                        + " like 192.0.2.1"), malformed.problems());

        ImportException mapping = assertThrows(ImportException.class, () -> convert("""
                -A -t 192.0.2.10:80 -s rr
                -a -t 192.0.2.10:80 -r 10.0.0.11:80 -g -w 70000
                -a -t 192.0.2.10:80 -r 10.0.0.11:8080 -g -w 1
                -A -t 192.0.2.10:80 -s wrr
                """));
        assertEquals(List.of("line 4: service tcp 192.0.2.10:80 is already defined on line 1",
                "line 2: real server 10.0.0.11 of tcp 192.0.2.10:80: weight 70000 is above the switch's 65535",
                "line 3: real server 10.0.0.11 of tcp 192.0.2.10:80 is already listed on line 2; the switch reaches a"
                        + " server by its MAC, so it takes one entry per server"), mapping.problems());
    }

    @Test
    void aServerOnAnUplinkPortOrMoreServicesThanTheHardwareHoldsAreRefused() {
        Map<Ipv4Address, Integer> ports = new HashMap<>(addresses().ports());
        ports.put(Ipv4Address.parse("10.0.0.11"), 0);
        IpvsadmImport.ServerAddresses uplink = new IpvsadmImport.ServerAddresses(addresses().macs(), ports);
        ImportException e = assertThrows(ImportException.class, () -> IpvsadmImport.convert(
                IpvsadmParser.parse(SAVED, "rules.txt"), "rules.txt", BASE, uplink));
        assertTrue(e.problems().contains("line 2: real server 10.0.0.11 of tcp 192.0.2.10:80: switch port 0 is not"
                + " a server port of the switch (server ports: [1, 2, 3])"), e.problems().toString());

        StringBuilder many = new StringBuilder();
        for (int port = 1; port <= 5; port++) {
            many.append("-A -t 192.0.2.10:").append(port).append(" -s rr\n");
        }
        ImportException tooMany = assertThrows(ImportException.class, () -> convert(many.toString()));
        assertTrue(tooMany.getMessage().contains("the imported services do not fit the switch (services[4]: too many"
                + " services: 5 listed but hardware.max_services is 4)"), tooMany.getMessage());
    }

    @Test
    void theNeighbourTableKeepsIpv4EntriesWithAnAddress() {
        Map<Ipv4Address, MacAddress> macs = NeighborTable.parse(NEIGHBORS, "neigh.txt");
        assertEquals(Map.of(Ipv4Address.parse("10.0.0.11"), MacAddress.parse("52:54:00:0a:00:0b"),
                Ipv4Address.parse("10.0.0.12"), MacAddress.parse("52:54:00:0a:00:0c"),
                Ipv4Address.parse("10.0.0.21"), MacAddress.parse("52:54:00:0a:00:15"),
                Ipv4Address.parse("192.168.1.1"), MacAddress.parse("00:11:22:33:44:55")), macs);
        ImportException e = assertThrows(ImportException.class, () -> NeighborTable.parse("""
                10.0.0.11 dev eth1 lladdr 52:54:00:0a:00:0b REACHABLE
                10.0.0.11 dev eth2 lladdr 52:54:00:0b:00:0b REACHABLE
                garbage here
                10.0.0.12 dev eth1 lladdr
                """, "neigh.txt"));
        assertEquals(List.of("line 2: 10.0.0.11 has MAC 52:54:00:0b:00:0b here but 52:54:00:0a:00:0b on line 1; keep"
                        + " the line of the interface the servers are on (ip neigh show dev IFACE)",
                "line 3: not an ip neigh entry ('garbage' is not an IPv4 address; expected four decimal numbers 0..255"
                        + " like 192.0.2.1)",
                "line 4: not an ip neigh entry (lladdr without an address)"), e.problems());
    }

    @Test
    void theResultIsAConfigFileApplyReads() throws Exception {
        SwitchConfig config = convert(SAVED).config();
        assertEquals(config, SwitchConfig.parse(config.toYaml(), "imported.yaml"));
    }
}
