package flowswitch.sim.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import flowswitch.driver.transport.DeviceException;
import flowswitch.driver.transport.serial.SerialBus;
import flowswitch.driver.transport.serial.SerialSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A serial port with nothing on the other end: the host gives up after its attempts and says where and what. */
class SerialTimeoutTest {
    @Test
    void aSilentLineFailsNamingThePortAndTheOperation(@TempDir Path dir) {
        assumeTrue(PseudoTerminalPair.socatInstalled(), "socat is not installed (apt-get install socat): the serial"
                + " tests need it to make pseudo-terminal pairs");
        SerialSettings settings = SerialSettings.defaults(115_200).withResponseTimeout(Duration.ofMillis(150))
                .withAttempts(3);
        try (PseudoTerminalPair pty = PseudoTerminalPair.create(dir.resolve("tty"));
             SerialBus bus = SerialBus.open(pty.hostEnd(), settings)) {
            long start = System.nanoTime();
            String message = assertThrows(DeviceException.class, () -> bus.read(0x0004)).getMessage();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertEquals("serial:" + pty.hostEnd() + "@115200: read 0x4: 3 attempts failed, the last because no"
                    + " response came within 150 ms; check that the board is powered and connected and that 115200"
                    + " baud is its UART's rate", message);
            assertEquals(3, bus.statistics().timeouts());
            // Three waits and two quiet periods between them, and not much more.
            assertTrue(took.compareTo(Duration.ofMillis(3 * 150 + 2 * 20)) >= 0, took.toString());
            assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, took.toString());
        }
    }

    @Test
    void aPortThatIsNotThereIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("ttyUSB9");
        String message = assertThrows(DeviceException.class,
                () -> SerialBus.open(missing, SerialSettings.defaults(115_200))).getMessage();
        assertTrue(message.startsWith("serial:" + missing + "@115200: open: " + missing + " does not exist"), message);
    }
}
