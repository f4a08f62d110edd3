package flowswitch.driver.transport;

import flowswitch.driver.regmap.RegisterMap;
import java.nio.file.Path;
import java.time.Duration;

/** A device's register bus opened under its {@link DeviceLock}, which is held until the bus is closed. */
public final class ExclusiveBus implements RegisterBus {
    private final RegisterBus bus;
    private final DeviceLock lock;

    private ExclusiveBus(RegisterBus bus, DeviceLock lock) {
        this.bus = bus;
        this.lock = lock;
    }

    /**
     * Takes the device's lock in {@code lockDirectory} (usually {@link DeviceLock#directoryFor}), waiting up to
     * {@code wait} for another process to finish with it, then opens its bus.
     *
     * @throws DeviceException when the lock is not free in time or the bus cannot be opened
     */
    public static ExclusiveBus open(DeviceAddress address, RegisterMap map, Path lockDirectory, Duration wait) {
        DeviceLock lock = DeviceLock.acquire(address, lockDirectory, wait);
        try {
            return new ExclusiveBus(address.open(map), lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    @Override
    public int read(int address) {
        return bus.read(address);
    }

    @Override
    public void write(int address, int value) {
        bus.write(address, value);
    }

    @Override
    public String device() {
        return bus.device();
    }

    @Override
    public void close() {
        try {
            bus.close();
        } finally {
            lock.close();
        }
    }
}
