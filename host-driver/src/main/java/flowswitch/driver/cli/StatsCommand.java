package flowswitch.driver.cli;

import flowswitch.driver.api.CounterRates;
import flowswitch.driver.api.Counters;
import flowswitch.driver.names.SlotNames;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "stats",
        description = "Print every counter: per port, per service, per server, flow table and drop reasons.")
final class StatsCommand implements Runnable {
    /** Cursor home and clear screen: each --watch frame replaces the last one. */
    static final String CLEAR_SCREEN = "\u001b[H\u001b[2J";

    @Mixin
    private HelpOption help;
    @ParentCommand
    private Fsctl fsctl;
    @Spec
    private CommandSpec spec;
    @Mixin
    private JsonOption output;
    @Option(names = "--rate", description = "Print how fast each counter grows, per second, from two readings"
            + " --interval apart (occupancies stay levels).")
    private boolean rate;
    @Option(names = "--interval", defaultValue = "1s", converter = Converters.Durations.class, paramLabel = "TIME",
            description = "Time between readings for --rate and --watch: 500ms, 2s, 1.5 (default: ${DEFAULT-VALUE}).")
    private Duration interval;
    @Option(names = "--watch", description = "Redraw the tables every --interval until Ctrl-C (with --json: one"
            + " JSON document per reading). The device is locked only while it is read.")
    private boolean watch;
    @Option(names = "--count", paramLabel = "N", description = "With --watch: stop after N readings.")
    private Integer count;
    @Option(names = "--zero", description = "Clear every counter (STATS_CLEAR) right after reading them, with the"
            + " device still locked; only what is counted between the two is lost.")
    private boolean zero;

    /** One reading of the counters, when it finished, and the names and device it was read with. */
    private record Sample(Counters counters, long nanos, SlotNames names, String device) {
    }

    /** What one output shows: totals, or rates per second over {@code perSecondOver} (null for totals). */
    private record Frame(StatsReport report, Duration perSecondOver, String device) {
        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            if (perSecondOver != null) {
                json.put("per_second_over", seconds(perSecondOver));
            }
            json.putAll(report.json());
            return json;
        }
    }

    @Override
    public void run() {
        if (count != null && (!watch || count < 1)) {
            throw new IllegalArgumentException("--count N needs --watch and N of at least 1");
        }
        if (zero && watch) {
            throw new IllegalArgumentException("--zero cannot be combined with --watch; run `fsctl stats --zero`"
                    + " once, then watch");
        }
        try {
            if (watch) {
                watch();
                return;
            }
            Sample first = rate ? read(false) : null;
            if (rate) {
                Thread.sleep(interval.toMillis());
            }
            print(frame(first, read(zero)), false);
            if (zero && !output.json) {
                spec.commandLine().getOut().println("counters cleared");
            }
        } catch (InterruptedException e) {
            // Ctrl-C or a caller stopping the watch: leave quietly, as `watch` does.
            Thread.currentThread().interrupt();
        }
    }

    private void watch() throws InterruptedException {
        Sample previous = rate ? read(false) : null;
        for (int n = 1; count == null || n <= count; n++) {
            if (rate || n > 1) {
                Thread.sleep(interval.toMillis());
            }
            Sample now = read(false);
            print(frame(previous, now), true);
            if (rate) {
                previous = now;
            }
        }
    }

    /**
     * One reading in a session of its own: the device is locked while it is read, not while fsctl waits, so other
     * fsctl commands run in between. With {@code thenClear} the counters are cleared in the same session, so only
     * what is counted between the reading and the clear is lost.
     */
    private Sample read(boolean thenClear) {
        try (Session session = fsctl.open()) {
            Counters counters = session.device().counters();
            long nanos = System.nanoTime();
            if (thenClear) {
                session.device().clearCounters();
            }
            return new Sample(counters, nanos, session.names().load(), session.device().name());
        }
    }

    private static Frame frame(Sample previous, Sample now) {
        if (previous == null) {
            return new Frame(StatsReport.totals(now.counters(), now.names()), null, now.device());
        }
        Duration elapsed = Duration.ofNanos(now.nanos() - previous.nanos());
        return new Frame(StatsReport.rates(CounterRates.between(previous.counters(), now.counters(), elapsed),
                now.names()), elapsed, now.device());
    }

    private void print(Frame frame, boolean redraw) {
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            Json.print(out, frame.json());
            return;
        }
        if (redraw) {
            out.print(CLEAR_SCREEN);
            out.printf("%s  %s  every %s%s  (Ctrl-C to quit)%n%n", frame.device(),
                    LocalTime.now().truncatedTo(ChronoUnit.SECONDS), interval.toMillis() + "ms",
                    rate ? ", per second" : "");
        } else if (rate) {
            out.printf(Locale.ROOT, "per second, over %.3fs%n%n", seconds(frame.perSecondOver()));
        }
        frame.report().print(out);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
