package flowswitch.driver.cli;

import flowswitch.config.ConfigException;
import flowswitch.config.ServerState;
import flowswitch.config.SwitchConfig;
import flowswitch.driver.api.ServerRef;
import flowswitch.driver.health.CheckReport;
import flowswitch.driver.health.Checker;
import flowswitch.driver.health.HealthLog;
import flowswitch.driver.health.HealthMonitor;
import flowswitch.driver.health.HealthTarget;
import flowswitch.driver.health.ServerStates;
import flowswitch.driver.health.Transition;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "health",
        description = {"Check the servers of every service with a health: block in the config (ICMP echo, TCP"
                + " connect or HTTP GET to each server's own address) and take them out of service and back.",
                "An up server goes down after `fall` failures in a row, a down server comes up after `rise`"
                        + " successes in a row; a drained server is left alone. Runs until Ctrl-C, printing each"
                        + " transition; the device is locked only while it is read or changed."})
final class HealthCommand implements Callable<Integer> {
    @Mixin
    private HelpOption help;
    @ParentCommand
    private Fsctl fsctl;
    @Spec
    private CommandSpec spec;
    @Mixin
    private JsonOption output;
    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "The switch config (YAML) with the health blocks and server addresses; the device must"
                    + " hold its services and servers (fsctl apply).")
    private Path config;
    @Option(names = "--once", description = "Check every server once, print the results and the servers' states,"
            + " and change nothing.")
    private boolean once;
    @Option(names = "--passive-unanswered", paramLabel = "N", description = "Also use the switch's passive health:"
            + " a server that leaves more than N client SYNs without a SYN-ACK in a window (the shortest check"
            + " interval of the config) counts a failed check. Without it the switch's windows are left as they are.")
    private Integer passiveUnanswered;

    /** The JSON shape of one server's check. */
    record CheckView(String service, String server, String address, String check, String target, boolean passed,
                     String detail, double latencyMs, String state) {
        static CheckView of(CheckReport report) {
            HealthTarget t = report.target();
            return new CheckView(t.service(), t.server(), t.address().toString(),
                    Spelling.of(t.check().probe().kind()), t.describe(), report.result().passed(),
                    report.result().detail(), report.result().latency().toNanos() / 1e6,
                    report.state().map(Spelling::of).orElse(null));
        }
    }

    /** The JSON shape of one transition. */
    record TransitionView(String at, String service, String server, String from, String to, String reason) {
        static TransitionView of(Transition t) {
            return new TransitionView(t.at().truncatedTo(ChronoUnit.MILLIS).toString(), t.service(), t.server(),
                    Spelling.of(t.from()), Spelling.of(t.to()), t.reason());
        }
    }

    @Override
    public Integer call() throws ConfigException {
        SwitchConfig switchConfig = SwitchConfig.load(config);
        List<HealthTarget> targets = HealthTarget.allIn(switchConfig);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException(config + ": no service has a health block, so there is nothing to"
                    + " check; add one to a service (health: {check: tcp}) and an address to each of its servers");
        }
        if (passiveUnanswered != null) {
            startPassiveHealth(switchConfig, targets);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (HealthMonitor monitor = HealthMonitor.open(targets, new SessionStates(), Checker::of, Clock.systemUTC(),
                new PrintedLog())) {
            if (once) {
                print(out, monitor.checkOnce());
                return ExitCode.OK.status();
            }
            if (!output.json) {
                long services = targets.stream().map(HealthTarget::service).distinct().count();
                out.printf("checking %d servers of %d service%s (Ctrl-C to stop)%n", targets.size(), services,
                        services == 1 ? "" : "s");
                out.flush();
            }
            monitor.start();
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            // Ctrl-C or a caller stopping the monitor: leave quietly.
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK.status();
    }

    /** One window per shortest check interval, so each round sees a window that ended since the last. */
    private void startPassiveHealth(SwitchConfig switchConfig, List<HealthTarget> targets) {
        Duration window = targets.stream().map(t -> t.check().interval()).min(Duration::compareTo).orElseThrow();
        long clocks = window.toNanos() * switchConfig.clockHz() / 1_000_000_000L;
        try (Session session = fsctl.open()) {
            session.balancer().device().setPassiveHealth(clocks, passiveUnanswered);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--passive-unanswered: a window of " + window.toMillis() + " ms at "
                    + switchConfig.clockHz() + " Hz: " + e.getMessage() + "; use a shorter check interval", e);
        }
    }

    private void print(PrintWriter out, List<CheckReport> reports) {
        List<CheckView> views = reports.stream().map(CheckView::of).toList();
        if (output.json) {
            Json.print(out, views);
            return;
        }
        Table table = new Table("SERVICE", "SERVER", "ADDRESS", "CHECK", "RESULT", "LATENCY", "STATE");
        for (int i = 0; i < views.size(); i++) {
            CheckView v = views.get(i);
            table.row(v.service(), v.server(), v.address(), reports.get(i).target().checkText(),
                    (v.passed() ? "ok: " : "failed: ") + v.detail(),
                    String.format(Locale.ROOT, "%.1fms", v.latencyMs()), v.state() == null ? "-" : v.state());
        }
        table.print(out);
    }

    /** The device, opened for each read or change only, so other fsctl commands run while the monitor does. */
    private final class SessionStates implements ServerStates {
        @Override
        public Map<ServerRef, ServerState> read() {
            try (Session session = fsctl.open()) {
                return ServerStates.of(session.balancer()).read();
            }
        }

        @Override
        public boolean move(ServerRef server, ServerState from, ServerState to) {
            try (Session session = fsctl.open()) {
                return ServerStates.of(session.balancer()).move(server, from, to);
            }
        }

        @Override
        public Set<ServerRef> suspects() {
            try (Session session = fsctl.open()) {
                return ServerStates.of(session.balancer()).suspects();
            }
        }
    }

    /** Transitions to stdout, one line (or JSON document) each; problems to stderr as warnings. */
    private final class PrintedLog implements HealthLog {
        @Override
        public void transition(Transition transition) {
            PrintWriter out = spec.commandLine().getOut();
            if (output.json) {
                Json.print(out, TransitionView.of(transition));
            } else {
                out.println(transition.line());
                out.flush();
            }
        }

        @Override
        public void problem(Instant at, String message) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("fsctl: warning: " + at.truncatedTo(ChronoUnit.MILLIS) + " " + message);
            err.flush();
        }
    }
}
