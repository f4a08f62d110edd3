package flowswitch.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The active health check of a service's servers, with the meaning HAProxy and keepalived give these settings:
 * a check every {@code interval}, failed when no answer comes within {@code timeout}; an up server goes down after
 * {@code fall} failures in a row, a down server comes up after {@code rise} successes in a row.
 */
public record HealthCheck(Probe probe, Duration interval, Duration timeout, int rise, int fall) {
    /** HAProxy's defaults; the timeout defaults to the interval, as HAProxy's does without "timeout check". */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);
    public static final int DEFAULT_RISE = 2;
    public static final int DEFAULT_FALL = 3;

    private static final Duration MIN_INTERVAL = Duration.ofMillis(10);
    private static final Duration MAX_INTERVAL = Duration.ofHours(1);
    private static final Duration MIN_TIMEOUT = Duration.ofMillis(1);

    /** @throws IllegalArgumentException naming the field (YAML spelling) and the allowed values */
    public HealthCheck {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        Rules.duration("interval", interval, MIN_INTERVAL, MAX_INTERVAL);
        Rules.duration("timeout", timeout, MIN_TIMEOUT, MAX_INTERVAL);
        if (timeout.compareTo(interval) > 0) {
            // A check still waiting when the next one is due would overlap it.
            throw new FieldException("timeout", DurationText.format(timeout) + " is longer than the interval ("
                    + DurationText.format(interval) + "); a check must end before the next one starts");
        }
        Rules.range("rise", rise, 1, 100);
        Rules.range("fall", fall, 1, 100);
    }
}
