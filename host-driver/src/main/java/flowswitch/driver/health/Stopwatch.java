package flowswitch.driver.health;

import java.time.Duration;

/** The latency of a check: monotonic time since it started. */
record Stopwatch(long startNanos) {
    static Stopwatch start() {
        return new Stopwatch(System.nanoTime());
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
