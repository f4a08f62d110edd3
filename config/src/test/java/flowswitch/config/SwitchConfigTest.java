package flowswitch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SwitchConfigTest {
    /** The example shipped with the repo; tests run from the module folder. */
    static final Path EXAMPLE = Path.of("..", "examples", "basic.yaml");

    private static final MacAddress SWITCH_MAC = MacAddress.parse("02:00:00:00:00:fe");

    @Test
    void exampleFileParsesToTheDescribedSwitch() throws ConfigException {
        SwitchConfig config = SwitchConfig.load(EXAMPLE);

        assertEquals(HardwareParams.defaults(), config.hardware());
        assertEquals(SWITCH_MAC, config.switchMac());
        assertEquals(List.of(new PortConfig(0, PortRole.UPLINK), new PortConfig(1, PortRole.SERVER),
                new PortConfig(2, PortRole.SERVER), new PortConfig(3, PortRole.SERVER)), config.ports());
        assertEquals(List.of(new ServiceConfig("web", Ipv4Address.parse("192.31.65.1"), Protocol.TCP, 80,
                Scheduler.WRR, List.of(
                        new ServerConfig("s1", MacAddress.parse("02:00:00:00:01:01"), 1, 1, ServerState.UP),
                        new ServerConfig("s2", MacAddress.parse("02:00:00:00:01:02"), 2, 2, ServerState.UP),
                        new ServerConfig("s3", MacAddress.parse("02:00:00:00:01:03"), 3, 1, ServerState.UP)))),
                config.services());
        assertEquals(0b0001, config.uplinkMask());
        assertEquals(SwitchConfig.DEFAULT_CLOCK_HZ, config.clockHz());
        assertEquals(FlowTimeouts.DEFAULTS, config.flowTimeouts());
    }

    @Test
    void defaultsApplyWhereOptionalKeysAreLeftOut() throws ConfigException {
        SwitchConfig config = SwitchConfig.parse("""
                switch: {mac: "02:00:00:00:00:fe"}
                ports: [{index: 0, role: uplink}, {index: 1, role: uplink}, {index: 2, role: server},
                        {index: 3, role: server}]
                services:
                  - {name: dns, vip: 10.0.0.53, protocol: udp, servers: [{name: a, mac: "02:00:00:00:00:01", port: 3}]}
                """, "flow.yaml");
        assertEquals(HardwareParams.defaults(), config.hardware());
        ServiceConfig dns = config.services().get(0);
        assertEquals(0, dns.port());
        assertEquals(Scheduler.WRR, dns.scheduler());
        assertEquals(1, dns.servers().get(0).weight());
        assertEquals(ServerState.UP, dns.servers().get(0).state());
        assertEquals(0b0011, config.uplinkMask());
    }

    @Test
    void unquotedMacIsReadAsWritten() throws ConfigException {
        // YAML 1.1 resolves 12:34:56:00:00:01 to a base-60 integer; the config must still see the MAC.
        SwitchConfig config = SwitchConfig.parse("""
                switch: {mac: 12:34:56:00:00:01}
                ports: [{index: 0, role: uplink}, {index: 1, role: server}, {index: 2, role: server}, {index: 3, role: server}]
                """, "mac.yaml");
        assertEquals(MacAddress.parse("12:34:56:00:00:01"), config.switchMac());
    }

    @Test
    void exampleRoundTripsThroughYaml() throws ConfigException {
        SwitchConfig config = SwitchConfig.load(EXAMPLE);
        assertEquals(config, SwitchConfig.parse(config.toYaml(), "written.yaml"));
    }

    @Test
    void nonDefaultValuesRoundTripThroughYaml() throws ConfigException {
        HardwareParams hardware = new HardwareParams(256, 6, 8, 3, 1024, 4, 9216);
        List<PortConfig> ports = List.of(new PortConfig(5, PortRole.SERVER), new PortConfig(0, PortRole.UPLINK),
                new PortConfig(1, PortRole.UPLINK), new PortConfig(2, PortRole.SERVER), new PortConfig(3, PortRole.SERVER),
                new PortConfig(4, PortRole.SERVER));
        // Names YAML would otherwise read as a boolean, a null or a number.
        ServiceConfig yes = new ServiceConfig("yes", Ipv4Address.parse("10.1.2.3"), Protocol.UDP, 0, Scheduler.RR,
                List.of(new ServerConfig("null", MacAddress.parse("12:34:56:00:00:01"), 5, 0, ServerState.DRAIN),
                        new ServerConfig("0x10", MacAddress.parse("02:00:00:00:00:02"), 2, 65535, ServerState.DOWN)));
        ServiceConfig empty = new ServiceConfig("-", Ipv4Address.parse("10.1.2.3"), Protocol.UDP, 53, Scheduler.WRR,
                List.of());
        SwitchConfig config = new SwitchConfig(hardware, SWITCH_MAC, ports, List.of(yes, empty));
        assertEquals(config, SwitchConfig.parse(config.toYaml(), "written.yaml"));

        SwitchConfig bare = new SwitchConfig(HardwareParams.defaults(), SWITCH_MAC, ports.subList(1, 5), List.of());
        assertTrue(bare.toYaml().contains("services: []\n"), bare.toYaml());
        assertEquals(bare, SwitchConfig.parse(bare.toYaml(), "bare.yaml"));
    }

    @Test
    void serverSlotsFollowServicesThenServersAsWritten() throws ConfigException {
        SwitchConfig config = SwitchConfig.parse("""
                switch: {mac: "02:00:00:00:00:fe"}
                ports: [{index: 0, role: uplink}, {index: 1, role: server}, {index: 2, role: server}, {index: 3, role: server}]
                services:
                  - name: b
                    vip: 10.0.0.2
                    protocol: tcp
                    servers:
                      - {name: z, mac: "02:00:00:00:00:03", port: 3}
                      - {name: a, mac: "02:00:00:00:00:01", port: 1}
                  - {name: empty, vip: 10.0.0.3, protocol: tcp, servers: []}
                  - name: a
                    vip: 10.0.0.1
                    protocol: udp
                    servers:
                      - {name: m, mac: "02:00:00:00:00:02", port: 2}
                """, "slots.yaml");
        List<ServerSlot> slots = config.serverSlots();
        assertEquals(List.of("0:0:z", "1:0:a", "2:2:m"),
                slots.stream().map(s -> s.index() + ":" + s.serviceIndex() + ":" + s.server().name()).toList());
        assertEquals(config.services().get(2).servers().get(0), slots.get(2).server());
    }

    @Test
    void listsAreImmutableCopies() {
        List<PortConfig> ports = new ArrayList<>(List.of(new PortConfig(0, PortRole.UPLINK),
                new PortConfig(1, PortRole.SERVER)));
        SwitchConfig config = new SwitchConfig(HardwareParams.defaults().withPorts(2), SWITCH_MAC, ports, List.of());
        ports.add(new PortConfig(2, PortRole.SERVER));
        assertEquals(2, config.ports().size());
        assertThrows(UnsupportedOperationException.class, () -> config.ports().clear());
        assertThrows(UnsupportedOperationException.class, () -> config.serverSlots().clear());
    }

    @Test
    void recordsBuiltInCodeAreCheckedLikeParsedOnes() {
        IllegalArgumentException weight = assertThrows(IllegalArgumentException.class, () ->
                new ServerConfig("s1", MacAddress.parse("02:00:00:00:00:01"), 1, 70000, ServerState.UP));
        assertEquals("weight: 70000 is out of range; expected 0..65535", weight.getMessage());

        ServerConfig onUplink = new ServerConfig("s1", MacAddress.parse("02:00:00:00:00:01"), 0, 1, ServerState.UP);
        ServiceConfig web = new ServiceConfig("web", Ipv4Address.parse("10.0.0.1"), Protocol.TCP, 80, Scheduler.RR,
                List.of(onUplink));
        IllegalArgumentException role = assertThrows(IllegalArgumentException.class, () -> new SwitchConfig(
                HardwareParams.defaults().withPorts(2), SWITCH_MAC,
                List.of(new PortConfig(0, PortRole.UPLINK), new PortConfig(1, PortRole.SERVER)), List.of(web)));
        assertTrue(role.getMessage().startsWith("services[0].servers[0].port: port 0 has role uplink"),
                role.getMessage());
    }
}
