package flowswitch.driver.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.config.Ipv4Address;
import flowswitch.config.MacAddress;
import flowswitch.config.Protocol;
import flowswitch.config.Scheduler;
import flowswitch.config.ServerConfig;
import flowswitch.config.ServerState;
import flowswitch.config.ServiceConfig;
import flowswitch.config.SwitchConfig;
import flowswitch.driver.fake.FakeFlowSwitch;
import flowswitch.driver.fake.Fixtures;
import flowswitch.driver.names.NamesFile;
import flowswitch.driver.names.SlotNames;
import flowswitch.driver.regmap.RegisterMap;
import flowswitch.driver.transport.DeviceException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Services and servers by name: the operator verbs, with their checks, over the fake device. */
class LoadBalancerTest {
    @TempDir
    Path dir;

    private final RegisterMap map = Fixtures.regmap();
    private final FakeFlowSwitch fake = new FakeFlowSwitch(map);
    private final FlowSwitchDevice device = FlowSwitchDevice.open(fake, map);
    private NamesFile names;
    private LoadBalancer lb;

    private static final ServiceConfig MAIL = new ServiceConfig("mail", Ipv4Address.parse("192.0.2.25"),
            Protocol.TCP, 25, Scheduler.RR, List.of());

    @BeforeEach
    void applyTheFixture() {
        names = new NamesFile(dir.resolve("names.json"));
        lb = new LoadBalancer(device, names);
        lb.apply(Fixtures.config());
    }

    @Test
    void listsServicesAndServersByName() {
        assertEquals(List.of(
                new NamedService(0, "web", new ServiceEntry(true, Ipv4Address.parse("192.0.2.10"), Protocol.TCP, 80,
                        Scheduler.WRR), 2),
                new NamedService(1, "dns", new ServiceEntry(true, Ipv4Address.parse("192.0.2.53"), Protocol.UDP, 53,
                        Scheduler.RR), 1)), lb.services());
        assertEquals(List.of("web/web-1", "web/web-2", "dns/dns-1"),
                lb.servers().stream().map(s -> s.service() + "/" + s.name()).toList());
    }

    @Test
    void aServiceIsDeletedWithItsServersAndAddedBackInTheFreedSlot() {
        NamedService removed = lb.deleteService("web");
        assertEquals(2, removed.servers());
        assertEquals(List.of("dns"), lb.services().stream().map(NamedService::name).toList());
        assertEquals(List.of("dns-1"), lb.servers().stream().map(NamedServer::name).toList());
        assertEquals(new SlotNames(Map.of(1, "dns"), Map.of(2, "dns-1")), names.load());
        // The service stopped matching before its pool was emptied.
        List<String> commits = commits();
        assertEquals(List.of("SVC_COMMIT", "SRV_COMMIT", "SRV_COMMIT"), commits.subList(commits.size() - 3,
                commits.size()));

        NamedService mail = lb.addService(new ServiceConfig("mail", Ipv4Address.parse("192.0.2.25"), Protocol.TCP,
                25, Scheduler.RR, List.of(Fixtures.server("mx-1", "02:00:00:00:03:01", 2))));
        assertEquals(0, mail.slot());
        assertEquals(1, mail.servers());
        assertEquals(new NamedServer(0, "mx-1", "mail", new ServerEntry(true, 0, MacAddress.parse("02:00:00:00:03:01"),
                1, 2, ServerState.UP)), lb.servers().get(0));
        assertEquals("mail", names.load().serviceName(0));
    }

    @Test
    void addingAServiceChecksItsNameAddressAndPlace() {
        lb.addService(empty("ntp", "192.0.2.123"));
        lb.addService(empty("ssh", "192.0.2.22"));
        assertRejected(() -> lb.addService(MAIL), "all 4 service slots are in use");
        lb.deleteService("ntp");
        lb.deleteService("ssh");
        lb.deleteService("dns");
        assertRejected(() -> lb.addService(new ServiceConfig("web", Ipv4Address.parse("192.0.2.99"), Protocol.TCP,
                80, Scheduler.RR, List.of())), "service 'web' already exists in slot 0");
        assertRejected(() -> lb.addService(new ServiceConfig("www", Ipv4Address.parse("192.0.2.10"), Protocol.TCP,
                80, Scheduler.RR, List.of())), "service 'web' in slot 0 already listens on tcp 192.0.2.10:80");
        // web, now on any port of 192.0.2.10, sits in slot 0 and the free slots come after it: a port-80 service
        // of that VIP would never see a frame there.
        lb.updateService("web", e -> e.withPort(0));
        assertRejected(() -> lb.addService(new ServiceConfig("web80", Ipv4Address.parse("192.0.2.10"), Protocol.TCP,
                80, Scheduler.RR, List.of())), "in slot 1 it would never match, as service 'web'");
        assertRejected(() -> lb.addService(new ServiceConfig("many", Ipv4Address.parse("192.0.2.25"), Protocol.TCP,
                25, Scheduler.RR, servers("m", 15))), "lists 15 servers but only 14 server slots are free");
        assertRejected(() -> lb.addService(new ServiceConfig("mail", Ipv4Address.parse("192.0.2.25"), Protocol.TCP,
                25, Scheduler.RR, List.of(new ServerConfig("mx", MacAddress.parse("02:00:00:00:03:01"), 0, 1,
                        ServerState.UP)))), "server 'mx': port 0 is an uplink port");
    }

    @Test
    void anAnyPortServiceMayNotHideAServiceAfterIt() {
        lb.addService(empty("ntp", "192.0.2.123"));
        lb.addService(empty("ssh", "192.0.2.22"));
        lb.deleteService("web");
        lb.updateService("dns", e -> e.withVip(Ipv4Address.parse("192.0.2.10")).withProtocol(Protocol.TCP)
                .withPort(80));
        assertRejected(() -> lb.addService(new ServiceConfig("webany", Ipv4Address.parse("192.0.2.10"), Protocol.TCP,
                0, Scheduler.RR, List.of())), "in slot 0 it would take every frame of service 'dns'");
    }

    @Test
    void changingAServiceKeepsItsSlotAndServers() {
        NamedService web = lb.updateService("web", e -> e.withScheduler(Scheduler.RR).withPort(8080));
        assertEquals(new NamedService(0, "web", new ServiceEntry(true, Ipv4Address.parse("192.0.2.10"), Protocol.TCP,
                8080, Scheduler.RR), 2), web);
        assertEquals(web.entry(), device.services().get(0));
        assertRejected(() -> lb.updateService("web", e -> e.withVip(Ipv4Address.parse("192.0.2.53"))
                .withProtocol(Protocol.UDP).withPort(53)), "service 'dns' in slot 1 already listens on udp"
                + " 192.0.2.53:53");
        assertRejected(() -> lb.updateService("web", e -> e.withPort(70000)), "service port 70000 is out of range");
        assertRejected(() -> lb.updateService("mail", e -> e), "no service 'mail' on the device");
    }

    @Test
    void serversAreAddedChangedAndDeletedByName() {
        NamedServer added = lb.addServer("dns", Fixtures.server("dns-2", "02:00:00:00:02:02", 4));
        assertEquals(3, added.slot());
        assertEquals("dns-2", names.load().serverName(3));
        NamedServer drained = lb.setServerState(ServerRef.named("web-2"), ServerState.DRAIN);
        assertEquals(ServerState.DRAIN, drained.entry().state());
        assertEquals(ServerState.DRAIN, device.servers().get(1).state());
        NamedServer moved = lb.updateServer(ServerRef.in("web", "web-1"), e -> e.withWeight(7).withMac(
                MacAddress.parse("02:00:00:00:01:11")));
        assertEquals(new ServerEntry(true, 0, MacAddress.parse("02:00:00:00:01:11"), 1, 7, ServerState.UP),
                moved.entry());
        NamedServer removed = lb.deleteServer(ServerRef.named("slot0"));
        assertEquals("web-1", removed.name());
        assertEquals(ServerEntry.EMPTY, device.servers().get(0));
        assertEquals("slot0", names.load().serverName(0));
    }

    @Test
    void badServerInputChangesNothing() {
        assertRejected(() -> lb.addServer("dns", Fixtures.server("dns-1", "02:00:00:00:02:09", 1)),
                "service 'dns' already has a server 'dns-1'");
        assertRejected(() -> lb.addServer("dns", new ServerConfig("dns-2", MacAddress.parse("02:00:00:00:02:09"), 0,
                1, ServerState.UP)), "server 'dns-2': port 0 is an uplink port (routers side, uplink ports [0])");
        assertRejected(() -> lb.addServer("mail", Fixtures.server("m", "02:00:00:00:02:09", 1)),
                "no service 'mail' on the device");
        assertRejected(() -> lb.updateServer(ServerRef.named("web-1"), e -> e.withPort(0)),
                "port 0 is an uplink port");
        assertRejected(() -> lb.updateServer(ServerRef.named("web-1"), e -> e.withPort(9)), "port 9 does not exist");
        assertRejected(() -> lb.updateServer(ServerRef.named("web-1"), e -> e.withWeight(70000)),
                "weight 70000 is out of range");
        assertRejected(() -> lb.deleteServer(ServerRef.in("dns", "web-1")), "no server 'dns/web-1' on the device");
        servers("extra-", 13).forEach(server -> lb.addServer("dns", server));
        assertRejected(() -> lb.addServer("dns", Fixtures.server("dns-x", "02:00:00:00:02:ff", 1)),
                "all 16 server slots are in use");
    }

    @Test
    void aNameUsedInTwoServicesNeedsTheService() {
        lb.deleteServer(ServerRef.named("web-2"));
        lb.addServer("dns", Fixtures.server("web-1", "02:00:00:00:02:02", 1));
        assertRejected(() -> lb.setServerState(ServerRef.named("web-1"), ServerState.DOWN),
                "server 'web-1' exists in services [web, dns]; name the service too");
        NamedServer down = lb.setServerState(ServerRef.in("dns", "web-1"), ServerState.DOWN);
        assertEquals(1, down.slot());
        assertEquals(ServerState.UP, device.servers().get(0).state());
    }

    @Test
    void saveGivesTheConfigBackAndApplyingItChangesNothing() throws Exception {
        SavedConfig saved = lb.save();
        assertEquals(Fixtures.config(), saved.config());
        assertEquals(List.of(), saved.leftOut());

        // Leave gaps and mixed slots behind, as a day of operator changes does.
        lb.deleteServer(ServerRef.named("web-1"));
        lb.addServer("dns", Fixtures.server("dns-2", "02:00:00:00:02:02", 2));
        lb.deleteService("web");
        lb.addService(MAIL);
        SwitchConfig again = lb.save().config();
        assertTrue(lb.plan(again).isEmpty(), lb.plan(again).changes().toString());
        assertEquals(again, SwitchConfig.parse(again.toYaml(), "saved.yaml"));
        int writes = fake.writes().size();
        assertTrue(lb.apply(again).isEmpty());
        assertTrue(fake.writes().subList(writes, fake.writes().size()).stream()
                .allMatch(w -> w.register().endsWith("_INDEX")));
    }

    @Test
    void saveRefusesWhatAConfigCannotHoldAndNamesWhatItLeavesOut() {
        device.writeService(1, ServiceEntry.DISABLED);
        SavedConfig saved = lb.save();
        assertEquals(List.of("server dns-1 in slot 2 belongs to service slot 1, which is disabled, so it takes no"
                + " traffic"), saved.leftOut());
        assertEquals(1, saved.config().services().size());

        device.setUplinkMask(0);
        DeviceException e = assertThrows(DeviceException.class, () -> lb.save());
        assertTrue(e.getMessage().startsWith("fake: save: the device's configuration cannot be written as a config"
                + " file: ports: no port has role uplink"), e.getMessage());
    }

    private static ServiceConfig empty(String name, String vip) {
        return new ServiceConfig(name, Ipv4Address.parse(vip), Protocol.TCP, 80, Scheduler.RR, List.of());
    }

    /** {@code count} servers called prefix0, prefix1, ... with MACs of their own. */
    private static List<ServerConfig> servers(String prefix, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> Fixtures.server(prefix + i, String.format("02:00:00:00:07:%02x", i), 1)).toList();
    }

    private List<String> commits() {
        return fake.writes().stream().map(FakeFlowSwitch.Write::register).filter(r -> r.endsWith("_COMMIT"))
                .toList();
    }

    private void assertRejected(Executable call, String expected) {
        List<String> before = commits();
        SlotNames namesBefore = names.load();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(before, commits(), "a rejected call committed something");
        assertEquals(namesBefore, names.load());
    }
}
