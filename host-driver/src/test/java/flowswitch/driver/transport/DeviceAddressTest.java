package flowswitch.driver.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.driver.transport.pcie.PcieTarget;
import flowswitch.driver.transport.serial.SerialSettings;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeviceAddressTest {
    @Test
    void simNamesASocketAndTheRegmapBesideIt() {
        DeviceAddress address = DeviceAddress.parse("sim:/run/fs/sim.sock");
        assertEquals(new DeviceAddress.Sim(Path.of("/run/fs/sim.sock")), address);
        assertEquals(Optional.of(Path.of("/run/fs/regmap.json")), address.defaultRegisterMap());
        assertEquals("sim:/run/fs/sim.sock", address.toString());
    }

    @Test
    void serialNamesAPortAndABaudRateThatDefaultsTo115200() {
        DeviceAddress fast = DeviceAddress.parse("serial:/dev/ttyUSB0@3000000");
        assertEquals(new DeviceAddress.Serial(Path.of("/dev/ttyUSB0"), SerialSettings.defaults(3_000_000)), fast);
        assertEquals("serial:/dev/ttyUSB0@3000000", fast.toString());
        assertEquals(Path.of("/dev/ttyUSB0"), fast.resource());
        assertEquals(Optional.empty(), fast.defaultRegisterMap());
        assertEquals("serial:/dev/ttyACM1@115200", DeviceAddress.parse("serial:/dev/ttyACM1").toString());
    }

    @Test
    void serialRejectsABaudRateNoPortCanHaveOrAMissingPort() {
        String odd = assertThrows(IllegalArgumentException.class,
                () -> DeviceAddress.parse("serial:/dev/ttyUSB0@123456")).getMessage();
        assertTrue(odd.contains("123456") && odd.contains("115200"), odd);
        String words = assertThrows(IllegalArgumentException.class,
                () -> DeviceAddress.parse("serial:/dev/ttyUSB0@fast")).getMessage();
        assertTrue(words.contains("serial:/dev/ttyX@BAUD"), words);
        assertThrows(IllegalArgumentException.class, () -> DeviceAddress.parse("serial:@115200"));
        assertThrows(IllegalArgumentException.class, () -> DeviceAddress.parse("serial:"));
    }

    @Test
    void pcieNamesBar0OfAFunctionInSysfsOrADeviceFile() {
        DeviceAddress bdf = DeviceAddress.parse("pcie:0000:03:00.0");
        assertEquals(Path.of("/sys/bus/pci/devices/0000:03:00.0/resource0"), bdf.resource());
        assertEquals("pcie:0000:03:00.0", bdf.toString());
        // The domain defaults to 0000, and hex digits are as sysfs spells them (lower case).
        assertEquals(bdf, DeviceAddress.parse("pcie:03:00.0"));
        assertEquals(Path.of("/sys/bus/pci/devices/0000:af:1f.7/resource0"), DeviceAddress.parse("pcie:AF:1F.7").resource());
        DeviceAddress xdma = DeviceAddress.parse("pcie:/dev/xdma0_user");
        assertEquals(new DeviceAddress.Pcie(new PcieTarget("/dev/xdma0_user", Path.of("/dev/xdma0_user"))), xdma);
        assertEquals(Optional.empty(), xdma.defaultRegisterMap());
    }

    @Test
    void pcieRejectsWhatIsNeitherABdfNorAPath() {
        for (String text : new String[] {"pcie:3:00.0", "pcie:03:20.0", "pcie:03:00.8", "pcie:xdma0_user"}) {
            String message = assertThrows(IllegalArgumentException.class, () -> DeviceAddress.parse(text)).getMessage();
            assertTrue(message.contains("0000:03:00.0") && message.contains("/dev/xdma0_user"), message);
        }
    }

    @Test
    void nonsenseSaysWhatIsExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceAddress.parse("usb3"));
        assertTrue(e.getMessage().contains("sim:PATH, serial:/dev/ttyX[@baud] or pcie:BDF"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DeviceAddress.parse("sim:"));
    }
}
