package flowswitch.driver.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.config.FlowTimeouts;
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
import flowswitch.driver.names.SlotNames;
import flowswitch.driver.regmap.RegisterMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** apply as a difference: what it finds, what it writes, and in which order. */
class ConfigPlanTest {
    private final RegisterMap map = Fixtures.regmap();
    private final FakeFlowSwitch fake = new FakeFlowSwitch(map);
    private final FlowSwitchDevice device = FlowSwitchDevice.open(fake, map);
    private final SwitchConfig config = Fixtures.config();

    @Test
    void aPlanListsEveryChangeAndWritesNothing() {
        ConfigPlan plan = device.plan(config, SlotNames.NONE);
        assertEquals(List.of(
                "change switch MAC: 00:00:00:00:00:00 -> 02:00:00:00:00:fe",
                "change uplink ports: [] -> [0]",
                "change flow aging: tick stopped -> 12500000 clocks, tcp 0s -> 900s, tcp_closing 0s -> 120s,"
                        + " udp 0s -> 300s",
                "add service web in slot 0: tcp 192.0.2.10:80 wrr",
                "add service dns in slot 1: udp 192.0.2.53:53 rr",
                "add server web/web-1 in slot 0: mac 02:00:00:00:01:01, port 1, weight 3, up",
                "add server web/web-2 in slot 1: mac 02:00:00:00:01:02, port 1, weight 1, up",
                "add server dns/dns-1 in slot 2: mac 02:00:00:00:02:01, port 1, weight 1, up"), descriptions(plan));
        assertEquals(SlotNames.of(config), plan.names());
        assertEquals(List.of(), commits(), "planning commits nothing");
        assertEquals(List.of(), plan.notes());
    }

    @Test
    void applyingTheSameConfigAgainWritesNothing() {
        ConfigPlan first = device.apply(config, SlotNames.NONE);
        int writes = fake.writes().size();
        ConfigPlan second = device.apply(config, first.names());
        assertTrue(second.isEmpty(), descriptions(second).toString());
        assertTrue(fake.writes().subList(writes, fake.writes().size()).stream()
                .allMatch(w -> w.register().endsWith("_INDEX")), "only the reads' slot selects");
    }

    @Test
    void anEditTouchesOnlyWhatItEdits() {
        SlotNames names = device.apply(config, SlotNames.NONE).names();
        int writes = fake.writes().size();
        SwitchConfig heavier = withServers(config, 0, List.of(Fixtures.server("web-1", "02:00:00:00:01:01", 3),
                Fixtures.server("web-2", "02:00:00:00:01:02", 5)));
        ConfigPlan plan = device.apply(heavier, names);
        assertEquals(List.of("change server web/web-2 in slot 1: weight 1 -> 5"), descriptions(plan));
        assertEquals(List.of("SRV_COMMIT"), commitsSince(writes));
        assertEquals(5, device.servers().get(1).weight());
    }

    @Test
    void aServiceThatChangesIsOffWhileItsServersChange() {
        SlotNames names = device.apply(config, SlotNames.NONE).names();
        int writes = fake.writes().size();
        ServiceConfig web = config.services().get(0);
        SwitchConfig changed = new SwitchConfig(config.hardware(), config.switchMac(), config.ports(), List.of(
                new ServiceConfig("web", web.vip(), web.protocol(), 8080, Scheduler.RR,
                        List.of(web.servers().get(0), Fixtures.server("web-3", "02:00:00:00:01:03", 1))),
                config.services().get(1)));
        ConfigPlan plan = device.apply(changed, names);
        assertEquals(List.of(
                "change service web in slot 0: port 80 -> 8080, scheduler wrr -> rr",
                "remove server web/web-2 from slot 1 (mac 02:00:00:00:01:02, port 1, weight 1, up)",
                "add server web/web-3 in slot 3: mac 02:00:00:00:01:03, port 1, weight 1, up"), descriptions(plan));
        // Disable web, empty web-2's slot, fill an empty one (an emptied slot is not reused while others are
        // free, so no counter of web-2 carries over to web-3), enable web as changed.
        assertEquals(List.of("SVC_COMMIT", "SRV_COMMIT", "SRV_COMMIT", "SVC_COMMIT"), commitsSince(writes));
        assertEquals(8080, device.services().get(0).port());
        assertTrue(device.services().get(0).enabled());
    }

    @Test
    void renamesWriteNothingToTheDevice() {
        device.apply(config, SlotNames.NONE);
        int writes = fake.writes().size();
        ConfigPlan plan = device.apply(config, new SlotNames(Map.of(0, "www"), Map.of(1, "old-2")));
        assertEquals(List.of("rename service www in slot 0 to web", "rename service slot1 in slot 1 to dns",
                "rename server web/slot0 in slot 0 to web-1", "rename server web/old-2 in slot 1 to web-2",
                "rename server dns/slot2 in slot 2 to dns-1"), descriptions(plan));
        assertEquals(List.of(), commitsSince(writes));
        assertEquals(SlotNames.of(config), plan.names());
    }

    @Test
    void aServiceThatReplacesAnotherStartsWithNewServers() {
        SlotNames names = device.apply(config, SlotNames.NONE).names();
        SwitchConfig mail = new SwitchConfig(config.hardware(), config.switchMac(), config.ports(), List.of(
                config.services().get(0),
                new ServiceConfig("mail", Ipv4Address.parse("192.0.2.25"), Protocol.TCP, 25, Scheduler.RR,
                        List.of(Fixtures.server("dns-1", "02:00:00:00:02:01", 1)))));
        ConfigPlan plan = device.apply(mail, names);
        // dns-1 has the same name and MAC, but belongs to a new service: it is a new server there.
        assertEquals(List.of("remove service dns from slot 1 (udp 192.0.2.53:53 rr)",
                "add service mail in slot 2: tcp 192.0.2.25:25 rr",
                "remove server dns/dns-1 from slot 2 (mac 02:00:00:00:02:01, port 1, weight 1, up)",
                "add server mail/dns-1 in slot 3: mac 02:00:00:00:02:01, port 1, weight 1, up"), descriptions(plan));
    }

    @Test
    void servicesThatCouldMatchTheSameFrameKeepTheFilesOrder() {
        ServiceConfig specific = new ServiceConfig("web80", Ipv4Address.parse("192.0.2.10"), Protocol.TCP, 80,
                Scheduler.RR, List.of());
        ServiceConfig any = new ServiceConfig("webany", Ipv4Address.parse("192.0.2.10"), Protocol.TCP, 0,
                Scheduler.RR, List.of());
        SlotNames names = device.apply(services(specific, any), SlotNames.NONE).names();

        // The same two the other way round: kept slots would leave web80 first, so both move.
        ConfigPlan plan = device.apply(services(any, specific), names);
        assertEquals(FlowSwitchDeviceTest.padded(List.of(ServiceEntry.of(any), ServiceEntry.of(specific)), 4,
                ServiceEntry.DISABLED), device.services());
        assertEquals(Map.of(0, "webany", 1, "web80"), plan.names().services());

        // Services that cannot match the same frame keep their slots whatever the order.
        ServiceConfig dns = new ServiceConfig("dns", Ipv4Address.parse("192.0.2.53"), Protocol.UDP, 53,
                Scheduler.RR, List.of());
        names = device.apply(services(any, dns), plan.names()).names();
        ConfigPlan swapped = device.apply(services(dns, any), names);
        assertTrue(swapped.isEmpty(), descriptions(swapped).toString());
    }

    @Test
    void aDifferentHardwareSectionIsANoteNotAChange() {
        SwitchConfig other = new SwitchConfig(config.hardware().withFlowTableSize(128), config.switchMac(),
                config.ports(), config.services());
        ConfigPlan plan = device.plan(other, SlotNames.NONE);
        assertEquals(1, plan.notes().size());
        assertTrue(plan.notes().get(0).contains("flow_table_size=128"), plan.notes().get(0));
        assertTrue(plan.notes().get(0).contains("only the switch MAC, ports, flow aging, services and servers are"
                + " applied"), plan.notes().get(0));
    }

    @Test
    void flowAgingComesFromTheClockAndTimeoutsAndIsWrittenTimeoutsFirst() {
        SlotNames names = device.apply(config, SlotNames.NONE).names();
        assertEquals(List.of("FLOW_TIMEOUT_TCP_ESTABLISHED", "FLOW_TIMEOUT_TCP_CLOSING", "FLOW_TIMEOUT_UDP",
                "FLOW_TICK_CYCLES"), agingWritesSince(0));
        assertEquals(new FlowAging(12_500_000, 9000, 1200, 3000), device.flowTable().aging());

        // A timeout between ticks is rounded up, so no connection ages out before its time.
        int writes = fake.writes().size();
        SwitchConfig udpShorter = config.withAging(100_000_000, new FlowTimeouts(Duration.ofSeconds(900),
                Duration.ofSeconds(120), Duration.ofMillis(30_050)));
        ConfigPlan plan = device.apply(udpShorter, names);
        assertEquals(List.of("change flow aging: tick 12500000 clocks -> 10000000 clocks, udp 300s -> 30100ms"),
                descriptions(plan));
        assertEquals(new FlowAging(10_000_000, 9000, 1200, 301), device.flowTable().aging());
        assertEquals(List.of(), commitsSince(writes));

        // With nothing to age, the tick stops, as it is out of reset.
        plan = device.apply(config.withAging(100_000_000, FlowTimeouts.NEVER), names);
        assertEquals(List.of("change flow aging: tick 10000000 clocks -> stopped, tcp 900s -> 0s, tcp_closing 120s"
                + " -> 0s, udp 30100ms -> 0s"), descriptions(plan));
        assertEquals(FlowAging.STOPPED, device.flowTable().aging());
    }

    @Test
    void agingThatDoesNotFitTheMapsFieldsWritesNothing() throws Exception {
        RegisterMap narrow = Fixtures.regmapWith("FLOW_TIMEOUT_UDP", "value", 0, 8);
        FakeFlowSwitch small = new FakeFlowSwitch(narrow);
        FlowSwitchDevice onSmall = FlowSwitchDevice.open(small, narrow);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> onSmall.apply(config, SlotNames.NONE));
        assertEquals("clock_hz and flow_timeouts: timeout ticks (FLOW_TIMEOUT_UDP) 3000 is out of range 0..255",
                e.getMessage());
        assertEquals(List.of(), small.writes());
    }

    @Test
    void stateReadsBackWhatApplyWrote() {
        device.apply(config, SlotNames.NONE);
        DeviceState state = device.state();
        assertEquals(MacAddress.parse("02:00:00:00:00:fe"), state.switchMac());
        assertEquals(List.of(0), state.uplinkPorts());
        assertEquals(new ServerEntry(true, 0, MacAddress.parse("02:00:00:00:01:01"), 1, 3, ServerState.UP),
                state.servers().get(0));
        assertEquals(ServerEntry.EMPTY, state.servers().get(3));
    }

    private SwitchConfig services(ServiceConfig... services) {
        return new SwitchConfig(config.hardware(), config.switchMac(), config.ports(), List.of(services));
    }

    private static SwitchConfig withServers(SwitchConfig config, int service, List<ServerConfig> servers) {
        List<ServiceConfig> services = new ArrayList<>(config.services());
        ServiceConfig s = services.get(service);
        services.set(service, new ServiceConfig(s.name(), s.vip(), s.protocol(), s.port(), s.scheduler(), servers));
        return new SwitchConfig(config.hardware(), config.switchMac(), config.ports(), services);
    }

    private static List<String> descriptions(ConfigPlan plan) {
        return plan.changes().stream().map(ConfigChange::describe).toList();
    }

    private List<String> agingWritesSince(int index) {
        return fake.writes().subList(index, fake.writes().size()).stream().map(FakeFlowSwitch.Write::register)
                .filter(r -> r.startsWith("FLOW_TIMEOUT_") || r.equals("FLOW_TICK_CYCLES")).toList();
    }

    private List<String> commits() {
        return commitsSince(0);
    }

    private List<String> commitsSince(int index) {
        return fake.writes().subList(index, fake.writes().size()).stream()
                .map(FakeFlowSwitch.Write::register).filter(r -> r.endsWith("_COMMIT")).toList();
    }
}
