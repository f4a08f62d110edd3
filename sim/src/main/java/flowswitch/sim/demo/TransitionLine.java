package flowswitch.sim.demo;

import flowswitch.config.ServerState;
import flowswitch.driver.health.Transition;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads back the line {@code fsctl health} prints for a transition ({@link Transition#line()}). */
final class TransitionLine {
    /** {@code 2025-03-01T12:00:03.250Z web/web-2 up -> down: 3 consecutive failures: tcp 10.0.0.12:80 refused}. */
    private static final Pattern LINE = Pattern.compile("(\\S+) ([^/\\s]+)/(\\S+) ([a-z]+) -> ([a-z]+): (.*)");

    private TransitionLine() {
    }

    /** The transition, or empty for any other line (the start banner, a warning). */
    static Optional<Transition> parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) return Optional.empty();
        try {
            return Optional.of(new Transition(Instant.parse(m.group(1)), m.group(2), m.group(3), state(m.group(4)),
                    state(m.group(5)), m.group(6)));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ServerState state(String spelled) {
        return ServerState.valueOf(spelled.toUpperCase(Locale.ROOT));
    }
}
