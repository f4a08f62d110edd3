package flowswitch.driver.transport;

import java.nio.file.Path;
import java.time.Duration;

/** A second process for {@link DeviceLockTest}: takes a device's lock, says so, and holds it until stdin closes. */
public final class LockHolder {
    private LockHolder() {}

    public static void main(String[] args) throws Exception {
        try (DeviceLock lock = DeviceLock.acquire(DeviceAddress.parse(args[1]), Path.of(args[0]), Duration.ofSeconds(10))) {
            System.out.println("locked " + lock.file());
            System.out.flush();
            while (System.in.read() >= 0) {
                // Held until the parent closes our stdin.
            }
        }
    }
}
