package flowswitch.sim.demo;

import flowswitch.config.ConfigException;
import flowswitch.config.HealthCheck;
import flowswitch.config.Probe;
import flowswitch.config.ServerState;
import flowswitch.config.ServiceConfig;
import flowswitch.config.SwitchConfig;
import flowswitch.driver.cli.Fsctl;
import flowswitch.driver.files.AtomicFile;
import flowswitch.driver.health.Transition;
import flowswitch.sim.testbed.TestbedException;
import flowswitch.sim.testbed.TestbedFiles;
import flowswitch.sim.testbed.TestbedLayout;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code fsctl health} running in the testbed's client namespace (the servers' own addresses are reached from there,
 * through the switch), as a process of its own: the demo watches its transition lines as a user would.
 */
final class HealthWatch implements AutoCloseable {
    /** Quick enough to watch: a server is out of service about two checks after it stops answering. */
    static final HealthCheck CHECK = new HealthCheck(
            new Probe.Http(TestbedLayout.HTTP_PORT, Probe.Http.DEFAULT_PATH, Probe.Http.DEFAULT_EXPECT),
            Duration.ofMillis(500), Duration.ofMillis(400), 2, 2);
    /** fsctl prints this when its monitor starts (before any transition). */
    private static final String BANNER = "checking ";
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(100);

    private final Process process;
    private final String shownCommand;
    private final CountDownLatch banner = new CountDownLatch(1);
    private volatile boolean checking;
    private final BlockingQueue<Transition> transitions = new LinkedBlockingQueue<>();
    private final List<String> otherOutput = new ArrayList<>();

    private HealthWatch(Process process, String shownCommand) {
        this.process = process;
        this.shownCommand = shownCommand;
    }

    /**
     * Writes the testbed's config with {@link #CHECK} on its service next to the testbed's files and starts fsctl
     * health on it, with this JVM's classes.
     *
     * @throws TestbedException when the config cannot be read or fsctl cannot be started
     */
    static HealthWatch start(TestbedLayout layout, TestbedFiles files) {
        Path config = files.dir().resolve("health.yaml");
        AtomicFile.write(config, withChecks(files.config()).toYaml());
        String device = "sim:" + files.socket();
        List<String> argv = List.of("ip", "netns", "exec", layout.client().namespace(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Fsctl.class.getName(),
                "--device", device, "health", "--config", config.toString());
        Process process;
        try {
            process = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            throw new TestbedException("cannot start fsctl health in " + layout.client().namespace() + ": "
                    + e.getMessage(), e);
        }
        HealthWatch watch = new HealthWatch(process, "ip netns exec " + layout.client().namespace()
                + " ./fsctl --device " + device + " health --config " + config);
        Thread reader = new Thread(watch::read, "flowswitch demo: fsctl health output");
        reader.setDaemon(true);
        reader.start();
        return watch;
    }

    /** The testbed's config, whose one service gets {@link #CHECK}. */
    private static SwitchConfig withChecks(Path testbedConfig) {
        SwitchConfig config;
        try {
            config = SwitchConfig.load(testbedConfig);
        } catch (ConfigException e) {
            throw new TestbedException("cannot read the testbed's config " + testbedConfig + ": " + e.getMessage(), e);
        }
        List<ServiceConfig> services = config.services().stream()
                .map(s -> new ServiceConfig(s.name(), s.vip(), s.protocol(), s.port(), s.scheduler(), s.servers(),
                        Optional.of(CHECK)))
                .toList();
        return new SwitchConfig(config.hardware(), config.switchMac(), config.ports(), services, config.clockHz(),
                config.flowTimeouts());
    }

    /** The command as a user would type it. */
    String command() {
        return shownCommand;
    }

    /**
     * Waits until the monitor runs and has had time for a first round of checks, so the states it counts from are
     * the device's before anything is broken.
     *
     * @throws TestbedException with fsctl's output if it stops or does not start within {@code timeout}
     */
    void awaitRunning(Duration timeout) throws InterruptedException {
        if (!banner.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new TestbedException("fsctl health did not start within " + timeout.toSeconds() + " s; it said: "
                    + output());
        }
        if (!checking) {
            throw new TestbedException("fsctl health stopped before it started checking: " + output());
        }
        Thread.sleep(CHECK.interval().multipliedBy(2).toMillis());
    }

    /**
     * The first transition of {@code server} to {@code state} made at or after {@code since}, waiting up to
     * {@code timeout}; other transitions are passed over.
     */
    Optional<Transition> awaitTransition(String server, ServerState state, Instant since, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            Transition t = transitions.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
            if (t != null && t.server().equals(server) && t.to() == state && !t.at().isBefore(since)) {
                return Optional.of(t);
            }
            if (t == null && !process.isAlive()) {
                throw new TestbedException("fsctl health stopped (exit " + process.exitValue() + "): " + output());
            }
        }
        return Optional.empty();
    }

    /** What fsctl printed besides transitions (its banner, warnings), for messages. */
    String output() {
        synchronized (otherOutput) {
            return otherOutput.isEmpty() ? "(nothing)" : String.join(" | ", otherOutput);
        }
    }

    /** Stops fsctl health (SIGTERM, which it leaves quietly on; SIGKILL after a grace period). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Optional<Transition> transition = TransitionLine.parse(line);
                if (transition.isPresent()) {
                    transitions.add(transition.get());
                    continue;
                }
                synchronized (otherOutput) {
                    otherOutput.add(line);
                }
                if (line.startsWith(BANNER)) {
                    checking = true;
                    banner.countDown();
                }
            }
        } catch (IOException e) {
            // The process is gone (or being stopped); whoever waits on it sees that.
            synchronized (otherOutput) {
                otherOutput.add("(its output ended: " + e.getMessage() + ")");
            }
        } finally {
            // A monitor that stopped before its banner: let the waiter see it at once.
            banner.countDown();
        }
    }
}
