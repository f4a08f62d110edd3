package flowswitch.driver.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceLockTest {
    private static final Duration SHORT = Duration.ofMillis(200);

    @Test
    void aSecondProcessWaitsForTheFirstAndIsToldWhoHoldsTheDevice(@TempDir Path dir) throws Exception {
        DeviceAddress device = DeviceAddress.parse("sim:" + dir.resolve("fs.sock"));
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), LockHolder.class.getName(), dir.toString(), device.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader said = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line = said.readLine();
            assertTrue(line != null && line.startsWith("locked "), "the holder did not take the lock: " + line);

            String busy = assertThrows(DeviceException.class, () -> DeviceLock.acquire(device, dir, SHORT)).getMessage();
            assertTrue(busy.startsWith(device + ": lock: in use by process " + holder.pid()), busy);
            assertTrue(busy.contains("--wait"), busy);

            // Once the holder is done, a waiting process gets the device.
            CompletableFuture<DeviceLock> waiting = CompletableFuture.supplyAsync(
                    () -> DeviceLock.acquire(device, dir, Duration.ofSeconds(20)));
            holder.getOutputStream().close();
            try (DeviceLock lock = waiting.get(30, TimeUnit.SECONDS)) {
                assertEquals(ProcessHandle.current().pid() + "\n", Files.readString(lock.file()));
            }
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void threadsOfOneProcessTakeTurnsToo(@TempDir Path dir) throws Exception {
        DeviceAddress device = DeviceAddress.parse("sim:" + dir.resolve("fs.sock"));
        try (DeviceLock first = DeviceLock.acquire(device, dir, SHORT)) {
            String busy = CompletableFuture.supplyAsync(() -> assertThrows(DeviceException.class,
                    () -> DeviceLock.acquire(device, dir, SHORT)).getMessage()).get(10, TimeUnit.SECONDS);
            assertTrue(busy.contains("another thread of this process"), busy);
            // The refused attempt must not have released the holder's lock on the way out.
            assertEquals(ProcessHandle.current().pid() + "\n", Files.readString(first.file()));
        }
        try (DeviceLock again = DeviceLock.acquire(device, dir, SHORT)) {
            assertTrue(Files.exists(again.file()));
        }
    }

    @Test
    void aSimulatorsLockLivesBesideItsSocketABoardsInTheSystemLockDirectory() {
        assertEquals(Path.of("/tmp/sim-run"), DeviceLock.directoryFor(DeviceAddress.parse("sim:/tmp/sim-run/fs.sock")));
        assertEquals(DeviceLock.DEFAULT_DIRECTORY, DeviceLock.directoryFor(DeviceAddress.parse("serial:/dev/ttyUSB0")));
        assertEquals(DeviceLock.DEFAULT_DIRECTORY, DeviceLock.directoryFor(DeviceAddress.parse("pcie:03:00.0")));
    }

    @Test
    void twoNamesOfOneDeviceShareALockAndOtherDevicesDoNot(@TempDir Path dir) throws Exception {
        Path port = Files.createFile(dir.resolve("ttyS9"));
        Path alias = Files.createSymbolicLink(dir.resolve("by-id-board"), port);
        String lockName = DeviceLock.fileName(DeviceAddress.parse("serial:" + port));
        assertEquals(lockName, DeviceLock.fileName(DeviceAddress.parse("serial:" + alias + "@3000000")));
        assertTrue(lockName.startsWith("flowswitch-serial-") && lockName.endsWith(".lock"), lockName);
        assertNotEquals(lockName, DeviceLock.fileName(DeviceAddress.parse("serial:" + dir.resolve("ttyS8"))));
    }
}
