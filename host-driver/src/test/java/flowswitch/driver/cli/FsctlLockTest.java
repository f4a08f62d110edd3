package flowswitch.driver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.driver.fake.FakeFlowSwitch;
import flowswitch.driver.fake.Fixtures;
import flowswitch.driver.transport.DeviceAddress;
import flowswitch.driver.transport.DeviceLock;
import flowswitch.driver.transport.sim.SimSocketServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fsctl holds the device's lock for the whole command, and says who has it when it cannot get it. */
class FsctlLockTest {
    @Test
    void aCommandWaitsForTheDeviceOrFailsNamingItsHolder(@TempDir Path dir) throws Exception {
        Files.copy(Fixtures.regmapFile(), dir.resolve("regmap.json"));
        Path socket = dir.resolve("fs.sock");
        try (SimSocketServer server = new SimSocketServer(socket, new FakeFlowSwitch(Fixtures.regmap()))) {
            DeviceAddress device = DeviceAddress.parse("sim:" + socket);
            try (DeviceLock other = DeviceLock.acquire(device, DeviceLock.directoryFor(device), Duration.ofSeconds(1))) {
                StringWriter err = new StringWriter();
                int exit = Fsctl.execute(Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                        "--device", device.toString(), "--wait", "0", "info");
                assertEquals(ExitCode.DEVICE_ERROR.status(), exit);
                assertTrue(err.toString().startsWith("fsctl: sim:" + socket + ": lock: in use by"), err.toString());
            }
            StringWriter out = new StringWriter();
            int exit = Fsctl.execute(Map.of(), new PrintWriter(out, true), new PrintWriter(new StringWriter()),
                    "--device", device.toString(), "--wait", "0", "info");
            assertEquals(0, exit);
            assertTrue(out.toString().contains("0x464c5357"), out.toString());
        }
    }
}
