package flowswitch.driver.health;

import flowswitch.config.Probe;
import flowswitch.config.ServerState;
import flowswitch.driver.api.ServerRef;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks servers and takes them out of service and back through the device. Each service's servers are checked
 * together, in parallel, once per interval of its health block; then the device's states are read once and every
 * server whose results complete a rise or a fall is moved (up to down, down to up; never out of drain), each move
 * reported to the {@link HealthLog}.
 *
 * <p>Run it either by rounds ({@link #checkOnce}, {@link #runRound}) or on its own threads ({@link #start}), not
 * both. Device access is one call at a time.
 */
public final class HealthMonitor implements AutoCloseable {
    /** How long a round may spend on the device when the monitor stops: a serial bus retries for about a second. */
    private static final Duration DEVICE_GRACE = Duration.ofSeconds(10);

    private final Map<HealthTarget, Checker> checkers = new LinkedHashMap<>();
    private final Map<HealthTarget, ServerHealth> health = new LinkedHashMap<>();
    private final ServerStates device;
    private final Clock clock;
    private final HealthLog log;
    private final ExecutorService checkPool = Executors.newCachedThreadPool(daemons("health-check"));
    private ScheduledExecutorService scheduler;

    private HealthMonitor(List<HealthTarget> targets, ServerStates device, Function<Probe, Checker> checkerFor,
                          Clock clock, HealthLog log) {
        this.device = device;
        this.clock = clock;
        this.log = log;
        targets.forEach(t -> checkers.put(t, checkerFor.apply(t.check().probe())));
    }

    /**
     * A monitor of {@code targets}, each starting from its state on the device.
     *
     * @param checkerFor the checker of each probe; {@link Checker#of} checks over the network
     * @throws IllegalArgumentException when a target is not on the device, naming every one that is not
     */
    public static HealthMonitor open(List<HealthTarget> targets, ServerStates device,
                                     Function<Probe, Checker> checkerFor, Clock clock, HealthLog log) {
        HealthMonitor monitor = new HealthMonitor(targets, device, checkerFor, clock, log);
        try {
            Map<ServerRef, ServerState> states = monitor.readDevice();
            List<String> missing = targets.stream().filter(t -> !states.containsKey(t.ref()))
                    .map(t -> t.ref().toString()).toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("the device has no server " + String.join(", ", missing)
                        + "; apply the config to the device first (fsctl apply), then check it");
            }
            targets.forEach(t -> monitor.health.put(t, new ServerHealth(t.check().rise(), t.check().fall(),
                    states.get(t.ref()))));
            return monitor;
        } catch (RuntimeException e) {
            monitor.close();
            throw e;
        }
    }

    /** Checks every server once and reports the results with the device's states; changes nothing. */
    public List<CheckReport> checkOnce() {
        List<HealthTarget> targets = List.copyOf(checkers.keySet());
        List<CheckResult> results = checkAll(targets);
        Map<ServerRef, ServerState> states = readDevice();
        List<CheckReport> reports = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            reports.add(new CheckReport(targets.get(i), results.get(i),
                    Optional.ofNullable(states.get(targets.get(i).ref()))));
        }
        return reports;
    }

    /** One round of every server's check, moving those whose results call for it. */
    public List<CheckReport> runRound() {
        return round(List.copyOf(checkers.keySet()));
    }

    /** Checks each service's servers every interval of its health block, on threads of the monitor's own. */
    public synchronized void start() {
        if (scheduler != null) {
            throw new IllegalStateException("the monitor is already running");
        }
        Map<String, List<HealthTarget>> byService = checkers.keySet().stream()
                .collect(Collectors.groupingBy(HealthTarget::service, LinkedHashMap::new, Collectors.toList()));
        scheduler = Executors.newScheduledThreadPool(Math.max(1, byService.size()), daemons("health-round"));
        // The servers of a service share its health block, and so its interval.
        byService.values().forEach(targets -> scheduler.scheduleAtFixedRate(() -> scheduledRound(targets), 0,
                targets.get(0).check().interval().toNanos(), TimeUnit.NANOSECONDS));
    }

    /** Stops the rounds, letting one under way finish (its checks end within their timeout). */
    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdown();
            try {
                long grace = longestTimeout().plus(DEVICE_GRACE).toMillis();
                if (!scheduler.awaitTermination(grace, TimeUnit.MILLISECONDS)) {
                    scheduler.shutdownNow();
                }
            } catch (InterruptedException e) {
                scheduler.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        checkPool.shutdownNow();
    }

    private Duration longestTimeout() {
        return checkers.keySet().stream().map(t -> t.check().timeout()).max(Duration::compareTo)
                .orElse(Duration.ZERO);
    }

    private void scheduledRound(List<HealthTarget> targets) {
        // An exception would cancel every later round of these servers: report it and go on.
        try {
            round(targets);
        } catch (RuntimeException e) {
            log.problem(clock.instant(), "round of " + targets.stream().map(t -> t.ref().toString())
                    .collect(Collectors.joining(", ")) + " failed: " + e.getMessage());
        }
    }

    private List<CheckReport> round(List<HealthTarget> targets) {
        List<CheckResult> results = checkAll(targets);
        List<CheckReport> reports = new ArrayList<>();
        synchronized (device) {
            Map<ServerRef, ServerState> states = readDevice();
            Set<ServerRef> suspects = device.suspects();
            for (int i = 0; i < targets.size(); i++) {
                HealthTarget target = targets.get(i);
                CheckResult result = withPassiveEvidence(results.get(i), suspects.contains(target.ref()));
                ServerState current = states.get(target.ref());
                if (current == null) {
                    log.problem(clock.instant(), "server " + target.ref() + " is no longer on the device; its"
                            + " check result is ignored");
                    reports.add(new CheckReport(target, result, Optional.empty()));
                    continue;
                }
                Optional<ServerHealth.Change> change = health.get(target).observe(result, current);
                if (change.isPresent() && device.move(target.ref(), change.get().from(), change.get().to())) {
                    current = change.get().to();
                    log.transition(new Transition(clock.instant(), target.service(), target.server(),
                            change.get().from(), current, change.get().cause() + ": " + target.describe() + " "
                            + result.detail()));
                }
                reports.add(new CheckReport(target, result, Optional.of(current)));
            }
        }
        return reports;
    }

    /**
     * The switch saw the server leave SYNs unanswered: evidence against it even when the active check passed, so
     * it counts as a failed check (docs/datapath.md "Passive health").
     */
    private static CheckResult withPassiveEvidence(CheckResult result, boolean suspect) {
        if (!suspect || !result.passed()) {
            return result;
        }
        return CheckResult.failed(result.latency(), "passive health: suspect, too many SYNs unanswered in the"
                + " switch's last window (the active check: " + result.detail() + ")");
    }

    /** The targets' checks, run in parallel: a round takes as long as its slowest check, at most the timeout. */
    private List<CheckResult> checkAll(List<HealthTarget> targets) {
        List<CompletableFuture<CheckResult>> running = targets.stream()
                .map(t -> CompletableFuture.supplyAsync(() -> checkers.get(t).check(t.address(), t.check().timeout()),
                        checkPool))
                .toList();
        return running.stream().map(CompletableFuture::join).toList();
    }

    private Map<ServerRef, ServerState> readDevice() {
        synchronized (device) {
            return device.read();
        }
    }

    private static ThreadFactory daemons(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
