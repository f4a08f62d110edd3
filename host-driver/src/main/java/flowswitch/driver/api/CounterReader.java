package flowswitch.driver.api;

import flowswitch.driver.regmap.Counter;
import flowswitch.driver.transport.DeviceException;
import flowswitch.driver.transport.RegisterBus;

/** Reads 64-bit counters from their 32-bit halves without tearing (docs/register-map.md: hi, lo, hi, retry). */
final class CounterReader {
    /** A high word moves once per 2^32 events: needing more than a few retries means the bus is misbehaving. */
    private static final int MAX_ATTEMPTS = 8;

    private final RegisterBus bus;

    CounterReader(RegisterBus bus) {
        this.bus = bus;
    }

    long read(Counter counter) {
        int hi = bus.read(counter.hi().address());
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            int lo = bus.read(counter.lo().address());
            int hiAgain = bus.read(counter.hi().address());
            if (hiAgain == hi) {
                return Integer.toUnsignedLong(hi) << 32 | Integer.toUnsignedLong(lo);
            }
            hi = hiAgain;
        }
        throw new DeviceException(bus.device(), "read counter " + counter.lo().name() + "/" + counter.hi().name(),
                "the high word changed on each of " + MAX_ATTEMPTS + " attempts");
    }
}
