package flowswitch.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as the config file writes them: {@code 500ms}, {@code 2s}, {@code 1.5s}; whole milliseconds. */
public final class DurationText {
    private static final Pattern TEXT = Pattern.compile("(0|[1-9][0-9]{0,8})(?:\\.([0-9]{1,3}))?(ms|s)");

    private DurationText() {
    }

    /** @throws IllegalArgumentException with a message fit to show the user as is */
    public static Duration parse(String text) {
        Matcher m = TEXT.matcher(text);
        // A bare number is refused: HAProxy reads it as milliseconds, keepalived as seconds.
        if (!m.matches() || m.group(2) != null && m.group(3).equals("ms")) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; expected a number with its unit,"
                    + " like 500ms, 2s or 1.5s");
        }
        long whole = Long.parseLong(m.group(1));
        if (m.group(3).equals("ms")) {
            return Duration.ofMillis(whole);
        }
        String fraction = m.group(2) == null ? "" : m.group(2);
        return Duration.ofMillis(whole * 1000 + Long.parseLong((fraction + "000").substring(0, 3)));
    }

    /** The shortest text {@link #parse} reads back to {@code duration}, which must be whole milliseconds. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
