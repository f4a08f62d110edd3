package flowswitch.driver.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void otherTransportsAreNotSupportedYet() {
        for (String text : new String[] {"serial:/dev/ttyUSB0@115200", "pcie:0000:01:00.0"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceAddress.parse(text));
            assertTrue(e.getMessage().contains("not supported yet"), e.getMessage());
        }
    }

    @Test
    void nonsenseSaysWhatIsExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceAddress.parse("usb3"));
        assertTrue(e.getMessage().contains("expected sim:PATH"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DeviceAddress.parse("sim:"));
    }
}
