package flowswitch.driver.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.config.Ipv4Address;
import flowswitch.config.Protocol;
import flowswitch.driver.fake.FakeFlowSwitch;
import flowswitch.driver.fake.FakeFlowTable;
import flowswitch.driver.fake.Fixtures;
import flowswitch.driver.regmap.RegisterMap;
import flowswitch.driver.transport.DeviceException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The flow table through FLOW_CMD, FLOW_STATUS and FLOW_RESULT_*, against the fake's table. */
class FlowTableTest {
    private static final FlowKey WEB = new FlowKey(0, Ipv4Address.parse("198.51.100.7"), 40000, 80, Protocol.TCP);
    private static final FlowKey DNS = new FlowKey(1, Ipv4Address.parse("198.51.100.8"), 5353, 53, Protocol.UDP);

    private final RegisterMap map = Fixtures.regmap();
    private final FakeFlowSwitch fake = new FakeFlowSwitch(map);
    private final FlowTable table = FlowSwitchDevice.open(fake, map).flowTable();

    @Test
    void aDumpListsTheLocationsThatHoldEntriesWithTheirKeysServersKindsAndIdleTime() {
        fake.flows().put(3, FakeFlowTable.entry(WEB, 2, 1, 45));
        // Location 64 is the first stash slot of this 64-entry table.
        fake.flows().put(64, FakeFlowTable.entry(DNS, 5, 2, 0));
        assertEquals(List.of(new FlowEntry(3, WEB, 2, FlowKind.TCP_CLOSING, Duration.ofMillis(4500)),
                new FlowEntry(64, DNS, 5, FlowKind.UDP, Duration.ZERO)), table.dump());
        assertEquals(68, fake.flows().commands(), "one read per location, FLOW_LOCATIONS of them");
        assertEquals(new FlowCount(2, 1, 64), table.count());
        assertEquals(Optional.empty(), table.read(4));
        assertEquals(Optional.of(new FlowEntry(64, DNS, 5, FlowKind.UDP, Duration.ZERO)), table.read(64));
        assertRejected(() -> table.read(68), "flow table location 68 does not exist; the table has locations 0..67");
    }

    @Test
    void insertStoresANewConnectionWithItsProtocolsKindAndMovesAKnownOne() {
        FlowInsert added = table.insert(DNS, 4);
        assertFalse(added.replaced());
        assertEquals(new FlowEntry(0, DNS, 4, FlowKind.UDP, Duration.ZERO), added.entry());
        FlowInsert tcp = table.insert(WEB, 1);
        assertEquals(new FlowEntry(1, WEB, 1, FlowKind.TCP, Duration.ZERO), tcp.entry());

        fake.flows().put(1, FakeFlowTable.entry(WEB, 1, 1, 30));
        FlowInsert moved = table.insert(WEB, 7);
        assertTrue(moved.replaced());
        // A known connection keeps its kind and counts as just seen.
        assertEquals(new FlowEntry(1, WEB, 7, FlowKind.TCP_CLOSING, Duration.ZERO), moved.entry());
        assertEquals(Optional.of(moved.entry()), table.lookup(WEB));
        assertEquals(2, table.count().flows());
    }

    @Test
    void lookupAndDeleteSayWhetherTheConnectionWasThere() {
        assertEquals(Optional.empty(), table.lookup(WEB));
        assertEquals(Optional.empty(), table.delete(WEB));
        fake.flows().put(10, FakeFlowTable.entry(WEB, 3, 0, 12));
        FlowEntry entry = new FlowEntry(10, WEB, 3, FlowKind.TCP, Duration.ofMillis(1200));
        assertEquals(Optional.of(entry), table.lookup(WEB));
        assertEquals(Optional.empty(), table.lookup(new FlowKey(0, WEB.client(), 40001, 80, Protocol.TCP)));
        assertEquals(Optional.of(entry), table.delete(WEB));
        assertEquals(Optional.empty(), table.lookup(WEB));
        assertEquals(0, table.count().flows());
    }

    @Test
    void aFullTableRefusesANewConnection() {
        fake.flows().fill(68);
        DeviceException e = assertThrows(DeviceException.class, () -> table.insert(WEB, 1));
        assertEquals("fake: insert flow tcp 198.51.100.7:40000 -> port 80 of service slot 0: the table has no room"
                + " for it (FLOW_STATUS.fail): every row of its ways and every stash slot is taken; delete flows, or"
                + " wait for idle ones to age out", e.getMessage());
        assertEquals(68, fake.flows().size());
    }

    @Test
    void resultsAreReadOnlyOnceBusyFalls() {
        // While busy the fake's result registers still hold the previous command's entry.
        fake.flows().setBusyReads(25);
        fake.flows().put(0, FakeFlowTable.entry(DNS, 6, 2, 0));
        assertEquals(6, table.lookup(DNS).orElseThrow().server());
        fake.flows().put(5, FakeFlowTable.entry(WEB, 9, 0, 0));
        assertEquals(Optional.of(new FlowEntry(5, WEB, 9, FlowKind.TCP, Duration.ZERO)), table.lookup(WEB));
        assertEquals(Optional.empty(), table.lookup(new FlowKey(2, WEB.client(), 1, 2, Protocol.TCP)));
    }

    @Test
    void aDeviceThatNeverFinishesIsReportedAfterABoundedNumberOfReads() {
        fake.flows().hang();
        int before = fake.flows().statusReads();
        DeviceException command = assertThrows(DeviceException.class, () -> table.lookup(WEB));
        assertEquals(1000, fake.flows().statusReads() - before);
        assertEquals("fake: look up flow tcp 198.51.100.7:40000 -> port 80 of service slot 0: FLOW_STATUS.busy still"
                + " reads 1 after 1000 reads; the flow table does not answer: check that the device is clocked and out"
                + " of reset", command.getMessage());

        FlowTable impatient = new FlowTable(map, fake, map.hardware(),
                new FlowTable.Patience(5, Duration.ofMillis(50)));
        DeviceException flush = assertThrows(DeviceException.class, impatient::flush);
        assertEquals("fake: flush the flow table: FLOW_STATUS.flush_busy still reads 1 after 50ms; the flow table does"
                + " not answer: check that the device is clocked and out of reset", flush.getMessage());
    }

    @Test
    void flushEmptiesTheTableAndWaitsUntilItIsEmpty() {
        fake.flows().fill(9);
        fake.flows().setBusyReads(4);
        int before = fake.flows().statusReads();
        table.flush();
        assertEquals(1, fake.flows().flushes());
        assertEquals(5, fake.flows().statusReads() - before, "four reads with flush_busy set, then one clear");
        assertEquals(new FlowCount(0, 0, 64), table.count());
    }

    @Test
    void badKeysAndServersAreRefusedBeforeAnyWrite() {
        assertRejected(() -> table.insert(new FlowKey(4, WEB.client(), 1, 80, Protocol.TCP), 0),
                "service slot 4 does not exist; the device has service slots 0..3");
        assertRejected(() -> table.insert(WEB, 16), "server slot 16 does not exist; the device has server slots"
                + " 0..15");
        assertRejected(() -> table.lookup(new FlowKey(9, WEB.client(), 1, 80, Protocol.TCP)),
                "service slot 9 does not exist");
        IllegalArgumentException port = assertThrows(IllegalArgumentException.class,
                () -> new FlowKey(0, WEB.client(), 65536, 80, Protocol.TCP));
        assertEquals("client port 65536 is out of range 0..65535", port.getMessage());
    }

    @Test
    void agingIsReadAndWrittenThroughItsRegisters() {
        assertEquals(FlowAging.STOPPED, table.aging());
        FlowAging aging = new FlowAging(12_500_000, 9000, 1200, 3000);
        table.setAging(aging);
        assertEquals(aging, table.aging());
        assertEquals(List.of("FLOW_TIMEOUT_TCP_ESTABLISHED", "FLOW_TIMEOUT_TCP_CLOSING", "FLOW_TIMEOUT_UDP",
                "FLOW_TICK_CYCLES"), fake.writes().stream().map(FakeFlowSwitch.Write::register).toList());
        assertRejected(() -> table.setAging(new FlowAging(1, 70000, 0, 0)),
                "timeout ticks (FLOW_TIMEOUT_TCP_ESTABLISHED) 70000 is out of range 0..65535");
        assertRejected(() -> table.setAging(new FlowAging(1L << 32, 0, 0, 0)),
                "aging tick (FLOW_TICK_CYCLES) 4294967296 is out of range 0..4294967295");
    }

    @Test
    void fieldsAreWhereTheMapSaysTheyAre() throws Exception {
        // Another build may lay the words out differently; the driver follows the map, as the fake does.
        RegisterMap moved = Fixtures.regmapWith("FLOW_RESULT_ENTRY", "kind", 20, 2);
        FakeFlowSwitch other = new FakeFlowSwitch(moved);
        FlowTable onOther = FlowSwitchDevice.open(other, moved).flowTable();
        other.flows().put(2, FakeFlowTable.entry(DNS, 3, 2, 7));
        assertEquals(List.of(new FlowEntry(2, DNS, 3, FlowKind.UDP, Duration.ofMillis(700))), onOther.dump());
        onOther.read(2);
        int word = other.read(moved.register("FLOW_RESULT_ENTRY").address());
        assertEquals(2, word >>> 20 & 3, "the fake put the kind where the map says");
    }

    @Test
    void aMapWithoutFlowCommandsRefusesTheTableButNotTheRest() throws Exception {
        RegisterMap old = Fixtures.regmapWithout("FLOW_CMD");
        FlowSwitchDevice device = FlowSwitchDevice.open(new FakeFlowSwitch(old), old);
        UnsupportedByDeviceException e = assertThrows(UnsupportedByDeviceException.class, device::flowTable);
        assertEquals("the register map old.json has no flow table commands (FLOW_CMD): it predates the block-RAM"
                + " flow table, so flows cannot be listed, changed, flushed or aged through it, nor can a config's"
                + " flow timeouts be applied or saved; regenerate the map and the bitstream with `flowswitch gen`",
                e.getMessage());
        assertEquals(4, device.services().size());
        assertEquals(0, device.counters().flowOccupancy());
    }

    private void assertRejected(Executable call, String expected) {
        int before = fake.writes().size();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(before, fake.writes().size(), "a rejected call wrote " + fake.writes().subList(before,
                fake.writes().size()));
    }
}
