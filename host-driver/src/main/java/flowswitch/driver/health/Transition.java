package flowswitch.driver.health;

import flowswitch.config.ServerState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * A server taken out of or back into service by its health checks.
 *
 * @param reason {@code 3 consecutive failures: tcp 10.0.0.12:80 connection refused}
 */
public record Transition(Instant at, String service, String server, ServerState from, ServerState to,
                         String reason) {
    public Transition {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code 2025-03-01T12:00:04.250Z web/web-2 up -> down: 3 consecutive failures: tcp 10.0.0.12:80 ...}. */
    public String line() {
        return at.truncatedTo(ChronoUnit.MILLIS) + " " + service + "/" + server + " " + spell(from) + " -> "
                + spell(to) + ": " + reason;
    }

    private static String spell(ServerState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
