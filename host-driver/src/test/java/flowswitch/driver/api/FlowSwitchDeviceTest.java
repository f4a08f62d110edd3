package flowswitch.driver.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import flowswitch.driver.fake.FakeFlowSwitch;
import flowswitch.driver.fake.Fixtures;
import flowswitch.driver.regmap.Counter;
import flowswitch.driver.regmap.Group;
import flowswitch.driver.regmap.RegisterMap;
import flowswitch.driver.regmap.RegisterMapException;
import flowswitch.driver.transport.DeviceException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class FlowSwitchDeviceTest {
    private final RegisterMap map = Fixtures.regmap();
    private final FakeFlowSwitch fake = new FakeFlowSwitch(map);

    private static final MacAddress SERVER_MAC = MacAddress.parse("02:00:00:00:09:09");

    @Test
    void identifiesTheDeviceAndReadsItsBuildParameters() {
        FlowSwitchDevice device = FlowSwitchDevice.open(fake, map);
        DeviceInfo info = device.info();
        assertEquals(0x464C5357, info.id());
        assertEquals(new Version(1, 0, 0), info.version());
        assertEquals(map.build(), info.build());
        assertEquals(new HardwareParams(64, 4, 16, 4, 64, 64, 2048), info.hardware());
        assertEquals("fake", info.device());
        assertTrue(fake.writes().isEmpty(), "identifying writes nothing: " + fake.writes());
    }

    @Test
    void refusesADeviceOfAnotherBuildWithBothValues() {
        fake.setRegister("BUILD", 0x12345678);
        DeviceException e = assertThrows(DeviceException.class, () -> FlowSwitchDevice.open(fake, map));
        assertTrue(e.getMessage().startsWith("fake: identify: BUILD reads 0x12345678"), e.getMessage());
        assertTrue(e.getMessage().contains("expects 0x" + Integer.toHexString(map.build())), e.getMessage());
    }

    @Test
    void refusesADeviceThatIsNotAFlowswitch() {
        fake.setRegister("ID", 0xDEADBEEF);
        DeviceException e = assertThrows(DeviceException.class, () -> FlowSwitchDevice.open(fake, map));
        assertTrue(e.getMessage().contains("ID reads 0xdeadbeef but register map"), e.getMessage());
        assertTrue(e.getMessage().contains("expects 0x464c5357"), e.getMessage());
    }

    @Test
    void aMapWithoutARegisterTheDriverNeedsIsRefusedBeforeAnyWrite() throws Exception {
        JsonMapper json = new JsonMapper();
        ObjectNode root = (ObjectNode) json.readTree(Files.readString(Fixtures.regmapFile()));
        ArrayNode registers = (ArrayNode) root.get("registers");
        for (int i = 0; i < registers.size(); i++) {
            if (registers.get(i).get("name").asText().equals("SRV_COMMIT")) {
                registers.remove(i);
            }
        }
        RegisterMap partial = RegisterMap.parse(json.writeValueAsString(root), "old.json");
        RegisterMapException e = assertThrows(RegisterMapException.class,
                () -> FlowSwitchDevice.open(new FakeFlowSwitch(partial), partial));
        assertTrue(e.getMessage().contains("old.json has no register SRV_COMMIT"), e.getMessage());
    }

    @Test
    void appliesAConfigAndReadsItBack() {
        FlowSwitchDevice device = FlowSwitchDevice.open(fake, map);
        SwitchConfig config = Fixtures.config();
        device.apply(config);

        assertEquals(padded(List.of(
                new ServiceEntry(true, Ipv4Address.parse("192.0.2.10"), Protocol.TCP, 80, Scheduler.WRR),
                new ServiceEntry(true, Ipv4Address.parse("192.0.2.53"), Protocol.UDP, 53, Scheduler.RR)),
                4, ServiceEntry.DISABLED), device.services());
        assertEquals(padded(List.of(
                new ServerEntry(true, 0, MacAddress.parse("02:00:00:00:01:01"), 1, 3, ServerState.UP),
                new ServerEntry(true, 0, MacAddress.parse("02:00:00:00:01:02"), 1, 1, ServerState.UP),
                new ServerEntry(true, 1, MacAddress.parse("02:00:00:00:02:01"), 1, 1, ServerState.UP)),
                16, ServerEntry.EMPTY), device.servers());
        DeviceInfo info = device.info();
        assertEquals(MacAddress.parse("02:00:00:00:00:fe"), info.switchMac());
        assertEquals(0b01, info.uplinkMask());
    }

    @Test
    void applyClearsTheSlotsTheConfigDoesNotUseAndKeepsTheOthersWhereTheyAre() {
        FlowSwitchDevice device = FlowSwitchDevice.open(fake, map);
        device.apply(Fixtures.config());
        SwitchConfig smaller = new SwitchConfig(map.hardware(), MacAddress.parse("02:00:00:00:00:fe"),
                Fixtures.config().ports(),
                List.of(new ServiceConfig("dns", Ipv4Address.parse("192.0.2.53"), Protocol.UDP, 53, Scheduler.RR,
                        List.of(Fixtures.server("dns-1", "02:00:00:00:02:01", 1)))));
        // Without names, dns is found again by its VIP, protocol and port, and dns-1 by its MAC: both stay put.
        device.apply(smaller);
        assertEquals(padded(List.of(ServiceEntry.DISABLED,
                new ServiceEntry(true, Ipv4Address.parse("192.0.2.53"), Protocol.UDP, 53, Scheduler.RR)),
                4, ServiceEntry.DISABLED), device.services());
        assertEquals(padded(List.of(ServerEntry.EMPTY, ServerEntry.EMPTY,
                new ServerEntry(true, 1, MacAddress.parse("02:00:00:00:02:01"), 1, 1, ServerState.UP)),
                16, ServerEntry.EMPTY), device.servers());
    }

    @Test
    void aConfigThatDoesNotFitTheDeviceWritesNothing() {
        FlowSwitchDevice device = FlowSwitchDevice.open(fake, map);
        // Valid for an 8-port, 32-server build; this device has 4 ports and 16 server slots.
        HardwareParams bigger = map.hardware().withPorts(8).withMaxServers(32);
        List<PortConfig> ports = IntStream.range(0, 8)
                .mapToObj(p -> new PortConfig(p, p == 0 ? PortRole.UPLINK : PortRole.SERVER)).toList();
        List<ServerConfig> seventeen = IntStream.range(0, 17)
                .mapToObj(i -> Fixtures.server("s" + i, String.format("02:00:00:00:00:%02x", i + 1), 1)).toList();
        SwitchConfig tooMany = new SwitchConfig(bigger, MacAddress.parse("02:00:00:00:00:fe"), ports,
                List.of(new ServiceConfig("web", Ipv4Address.parse("192.0.2.10"), Protocol.TCP, 80, Scheduler.RR,
                        seventeen)));
        assertRejected(() -> device.apply(tooMany), "the config has 17 servers but the device has 16 server slots");

        SwitchConfig wrongPort = new SwitchConfig(bigger, MacAddress.parse("02:00:00:00:00:fe"), ports,
                List.of(new ServiceConfig("web", Ipv4Address.parse("192.0.2.10"), Protocol.TCP, 80, Scheduler.RR,
                        List.of(Fixtures.server("a", "02:00:00:00:00:01", 1),
                                new ServerConfig("b", MacAddress.parse("02:00:00:00:00:02"), 5, 1,
                                        ServerState.UP)))));
        assertRejected(() -> device.apply(wrongPort), "server 'b' of services[0]: port 5 does not exist");
    }

    @Test
    void badArgumentsAreRejectedBeforeAnyWrite() {
        FlowSwitchDevice device = FlowSwitchDevice.open(fake, map);
        assertRejected(() -> device.writeServer(16, new ServerEntry(true, 0, SERVER_MAC, 1, 1, ServerState.UP)),
                "server slot 16 does not exist; the device has server slots 0..15");
        assertRejected(() -> device.writeServer(0, new ServerEntry(true, 4, SERVER_MAC, 1, 1, ServerState.UP)),
                "service slot 4 does not exist");
        assertRejected(() -> device.writeServer(0, new ServerEntry(true, 0, SERVER_MAC, 4, 1, ServerState.UP)),
                "port 4 does not exist; the device has ports 0..3");
        assertRejected(() -> device.writeServer(0, new ServerEntry(true, 0, SERVER_MAC, 1, 70000, ServerState.UP)),
                "weight 70000 is out of range 0..65535");
        assertRejected(() -> device.writeServer(0, new ServerEntry(true, 0, MacAddress.parse("01:00:5e:00:00:01"), 1, 1,
                ServerState.UP)), "server MAC 01:00:5e:00:00:01 is a multicast address");
        assertRejected(() -> device.writeService(4, ServiceEntry.DISABLED), "service slot 4 does not exist");
        assertRejected(() -> device.writeService(0, new ServiceEntry(true, Ipv4Address.parse("192.0.2.1"), Protocol.TCP,
                65536, Scheduler.RR)), "service port 65536 is out of range 0..65535");
        assertRejected(() -> device.setSwitchMac(MacAddress.parse("ff:ff:ff:ff:ff:ff")),
                "switch MAC ff:ff:ff:ff:ff:ff is a multicast address");
        assertRejected(() -> device.setUplinkMask(0b10000), "uplink mask 0x10 names ports the device does not have");
    }

    @Test
    void changingTheStateOfAnEmptySlotCommitsNothing() {
        FlowSwitchDevice device = FlowSwitchDevice.open(fake, map);
        // Finding the slot empty takes a read, which selects the slot through SRV_INDEX; nothing else is written.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> device.setServerState(2, ServerState.DRAIN));
        assertEquals("server slot 2 is empty; add a server to it first", e.getMessage());
        assertEquals(List.of(new FakeFlowSwitch.Write("SRV_INDEX", 2)), fake.writes());
    }

    @Test
    void setsOneServersStateAndKeepsTheRest() {
        FlowSwitchDevice device = FlowSwitchDevice.open(fake, map);
        device.apply(Fixtures.config());
        device.setServerState(1, ServerState.DRAIN);
        assertEquals(new ServerEntry(true, 0, MacAddress.parse("02:00:00:00:01:02"), 1, 1, ServerState.DRAIN),
                device.servers().get(1));
        assertEquals(ServerState.UP, device.servers().get(0).state());
        device.writeServer(1, ServerEntry.EMPTY);
        assertFalse(device.servers().get(1).valid());
    }

    @Test
    void readsEveryCounterWithoutTearing() {
        FlowSwitchDevice device = FlowSwitchDevice.open(fake, map);
        Counter bytes = map.counter(Group.PORT, 1, "rx_bytes");
        // One below a carry into the high word, and traffic after every read of it: reading hi then lo once
        // gives 0x1_00000000, lo then hi gives 0x2_ffffffff; neither is a value the counter ever had.
        long start = 0x0000_0001_FFFF_FFFFL;
        fake.setCounter(bytes, start);
        fake.tickAfterEachRead(bytes, 1);
        long read = device.counters().get(Group.PORT, 1, "rx_bytes");
        long end = fake.counter(bytes);
        assertTrue(read >= start && read <= end, "read 0x" + Long.toHexString(read) + " is not a value the counter"
                + " had between 0x" + Long.toHexString(start) + " and 0x" + Long.toHexString(end));
    }

    @Test
    void readsCountersByGroupIndexAndNameAndClearsThem() {
        FlowSwitchDevice device = FlowSwitchDevice.open(fake, map);
        fake.setCounter(map.counter(Group.SERVER, 2, "new_flows"), 0x1_0000_0005L);
        fake.setCounter(map.counter(Group.DROP, -1, "parse_error"), 7);
        fake.flows().fill(5);
        fake.setMacOccupancy(3);
        Counters counters = device.counters();
        assertEquals(map.counters().size(), counters.values().size());
        assertEquals(0x1_0000_0005L, counters.get(Group.SERVER, 2, "new_flows"));
        assertEquals(7, counters.get(Group.DROP, -1, "parse_error"));
        assertEquals(0, counters.get(Group.SERVER, 1, "new_flows"));
        assertEquals(5, counters.flowOccupancy());
        assertEquals(3, counters.macOccupancy());
        assertEquals(9, counters.group(Group.DROP).size());

        device.clearCounters();
        assertTrue(device.counters().values().stream().allMatch(v -> v.value() == 0));
        device.flushFlows();
        assertEquals(1, fake.flows().flushes());
        assertEquals(0, device.counters().flowOccupancy());
    }

    /** {@code head}, then {@code filler} up to {@code size} entries: a table whose other slots are empty. */
    static <T> List<T> padded(List<T> head, int size, T filler) {
        List<T> all = new ArrayList<>(head);
        all.addAll(Collections.nCopies(size - head.size(), filler));
        return all;
    }

    private void assertRejected(Executable call, String expected) {
        int before = fake.writes().size();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(before, fake.writes().size(), "a rejected call wrote " + fake.writes().subList(before,
                fake.writes().size()));
    }
}
