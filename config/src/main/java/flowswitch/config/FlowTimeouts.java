package flowswitch.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * How long an idle connection keeps its flow table entry, per kind: TCP established, TCP after FIN or RST, UDP.
 * {@link Duration#ZERO} means never. The hardware counts idle time in ticks of {@link #TICK} in 16-bit fields, so a
 * timeout is stored rounded up to whole ticks and may not exceed {@link #MAX}.
 */
public record FlowTimeouts(Duration tcp, Duration tcpClosing, Duration udp) {
    /** One aging tick: fine enough for timeouts of seconds, coarse enough that 16 bits reach well over an hour. */
    public static final Duration TICK = Duration.ofMillis(100);
    /** The FLOW_TIMEOUT_* registers hold 16-bit tick counts. */
    public static final int MAX_TICKS = 0xFFFF;
    public static final Duration MAX = TICK.multipliedBy(MAX_TICKS);
    /** IPVS's defaults (ipvsadm --set 900 120 300). */
    public static final FlowTimeouts DEFAULTS = new FlowTimeouts(Duration.ofSeconds(900), Duration.ofSeconds(120),
            Duration.ofSeconds(300));
    /** No connection ever ages out. */
    public static final FlowTimeouts NEVER = new FlowTimeouts(Duration.ZERO, Duration.ZERO, Duration.ZERO);

    /** @throws IllegalArgumentException naming the field (YAML spelling) and the limit */
    public FlowTimeouts {
        check("tcp", tcp);
        check("tcp_closing", tcpClosing);
        check("udp", udp);
    }

    /** A timeout as the hardware counts it: whole ticks, rounded up so no connection ages out early. */
    public static int ticks(Duration timeout) {
        long tick = TICK.toNanos();
        return Math.toIntExact((timeout.toNanos() + tick - 1) / tick);
    }

    /** The timeout {@code ticks} ticks long. */
    public static Duration ofTicks(int ticks) {
        return TICK.multipliedBy(ticks);
    }

    /** Clock cycles per tick on a core clocked at {@code clockHz}, rounded down. */
    public static long tickCycles(long clockHz) {
        return clockHz / Duration.ofSeconds(1).dividedBy(TICK);
    }

    public boolean neverAge() {
        return equals(NEVER);
    }

    private static void check(String field, Duration timeout) {
        Objects.requireNonNull(timeout, field);
        if (timeout.isNegative()) {
            throw new FieldException(field, timeout + " is negative; give a duration like 300s, or 0s for never");
        }
        if (timeout.getNano() % 1_000_000 != 0) {
            throw new FieldException(field, timeout + " is not a whole number of milliseconds");
        }
        if (timeout.compareTo(MAX) > 0) {
            throw new FieldException(field, seconds(timeout) + " is longer than the hardware counts: at"
                    + " most " + seconds(MAX) + " (" + MAX_TICKS + " ticks of " + DurationText.format(TICK) + "); give"
                    + " 0s for never");
        }
    }

    /** {@code 6553.5s}: as people read a long timeout, where {@link DurationText#format} would give milliseconds. */
    private static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString() + "s";
    }
}
