package flowswitch.sim.testbed;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls for a condition the testbed cannot be told about (a socket appearing, a server listening). */
final class Wait {
    private Wait() {
    }

    /** Checks {@code done} every {@code interval} until it holds (true) or {@code timeout} has passed (false). */
    static boolean until(Duration timeout, Duration interval, BooleanSupplier done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TestbedException("interrupted while waiting", e);
            }
        }
        return true;
    }
}
