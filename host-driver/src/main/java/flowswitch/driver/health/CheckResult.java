package flowswitch.driver.health;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of one check of one server.
 *
 * @param latency how long the check took, answer or not
 * @param detail  what happened, for logs and tables: {@code connected}, {@code connection refused},
 *                {@code status 503, expected 200}
 */
public record CheckResult(boolean passed, Duration latency, String detail) {
    public CheckResult {
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(detail, "detail");
    }

    public static CheckResult passed(Duration latency, String detail) {
        return new CheckResult(true, latency, detail);
    }

    public static CheckResult failed(Duration latency, String detail) {
        return new CheckResult(false, latency, detail);
    }
}
