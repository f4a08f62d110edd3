package flowswitch.driver.transport.pcie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.driver.api.FlowSwitchDevice;
import flowswitch.driver.cli.Fsctl;
import flowswitch.driver.fake.Fixtures;
import flowswitch.driver.regmap.Register;
import flowswitch.driver.regmap.RegisterMap;
import flowswitch.driver.transport.DeviceException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BAR0 access against a file standing in for the BAR, mapped exactly as a real one: the test writes what the
 * device's read-only registers hold (ID, VERSION, BUILD, the HW_* words) at the map's addresses, little-endian.
 */
class PcieBusTest {
    private static final RegisterMap MAP = Fixtures.regmap();
    private static final int ID = MAP.register("ID").address();

    @Test
    void aBdfIsFoundInSysfsAndTheDeviceIdentifiesThroughTheMapping(@TempDir Path sysfs) throws IOException {
        Path bar = Files.createDirectories(sysfs.resolve("0000:03:00.0")).resolve("resource0");
        writeBar(bar, MappedBar.REGISTER_SPACE);
        try (PcieBus bus = PcieBus.open(PcieTarget.parse("03:00.0", sysfs), ID)) {
            assertEquals("pcie:0000:03:00.0", bus.device());
            FlowSwitchDevice device = FlowSwitchDevice.open(bus, MAP);
            assertEquals(MAP.id(), device.info().id());
            assertEquals(MAP.hardware(), device.hardware());
        }
    }

    @Test
    void writesGoThroughTheSharedMappingAsSingleLittleEndianWords(@TempDir Path dir) throws IOException {
        Path bar = dir.resolve("bar0");
        writeBar(bar, MappedBar.REGISTER_SPACE);
        int macLo = MAP.register("SWITCH_MAC_LO").address();
        try (PcieBus bus = PcieBus.open(PcieTarget.parse(bar.toString()), ID)) {
            bus.write(macLo, 0x11223344);
            assertEquals(0x11223344, bus.read(macLo));
            // A register may hold all ones while the device is there: only ID reading all ones means it is gone.
            bus.write(macLo, 0xFFFFFFFF);
            assertEquals(0xFFFFFFFF, bus.read(macLo));
            bus.write(macLo, 0x11223344);
        }
        byte[] file = Files.readAllBytes(bar);
        assertEquals(0x11223344, ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getInt(macLo));
    }

    @Test
    void fsctlReadsTheIdentityOverPcie(@TempDir Path dir) throws IOException {
        Path bar = dir.resolve("bar0");
        writeBar(bar, MappedBar.REGISTER_SPACE);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Fsctl.execute(Map.of("FSCTL_LOCK_DIR", dir.toString()), new PrintWriter(out, true),
                new PrintWriter(err, true), "--device",
                "pcie:" + bar, "--regmap", Fixtures.regmapFile().toString(), "info");
        assertEquals(0, exit, err.toString());
        assertTrue(out.toString().contains("pcie:" + bar) && out.toString().contains("0x464c5357"), out.toString());
    }

    @Test
    void allOnesFromIdMeansTheDeviceFellOffTheBus(@TempDir Path dir) throws IOException {
        Path bar = dir.resolve("bar0");
        byte[] gone = new byte[MappedBar.REGISTER_SPACE];
        Arrays.fill(gone, (byte) 0xFF);
        Files.write(bar, gone);
        try (PcieBus bus = PcieBus.open(PcieTarget.parse(bar.toString()), ID)) {
            for (int address : new int[] {ID, MAP.register("SWITCH_MAC_LO").address()}) {
                String message = assertThrows(DeviceException.class, () -> bus.read(address)).getMessage();
                assertTrue(message.startsWith("pcie:" + bar + ": read 0x" + Integer.toHexString(address)), message);
                assertTrue(message.contains("fallen off the PCIe bus"), message);
            }
        }
    }

    @Test
    void aReadOutsideTheBarOrOfAMissingDeviceSaysWhat(@TempDir Path dir) throws IOException {
        Path small = dir.resolve("bar0");
        writeBar(small, 4096);
        try (PcieBus bus = PcieBus.open(PcieTarget.parse(small.toString()), ID)) {
            String beyond = assertThrows(DeviceException.class, () -> bus.read(0x1000)).getMessage();
            assertTrue(beyond.contains("0x1000") && beyond.contains("4096 bytes of BAR0"), beyond);
            assertThrows(DeviceException.class, () -> bus.write(0x302, 1));
        }
        String missing = assertThrows(DeviceException.class,
                () -> PcieBus.open(PcieTarget.parse("0000:7f:00.0", dir), ID)).getMessage();
        assertTrue(missing.startsWith("pcie:0000:7f:00.0: map ") && missing.contains("does not exist"), missing);
    }

    /** A BAR image of {@code size} bytes holding every register's reset value (the RO ones are the constants). */
    private static void writeBar(Path file, int size) throws IOException {
        ByteBuffer image = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        for (Register r : MAP.registers()) {
            if (r.address() < size) image.putInt(r.address(), (int) r.reset());
        }
        Files.write(file, image.array());
    }
}
