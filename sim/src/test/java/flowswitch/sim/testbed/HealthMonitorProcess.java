package flowswitch.sim.testbed;

import flowswitch.config.HealthCheck;
import flowswitch.config.Probe;
import flowswitch.config.ServiceConfig;
import flowswitch.config.SwitchConfig;
import flowswitch.driver.cli.Fsctl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code fsctl health} running in the testbed's client namespace, the only place the servers' own addresses are
 * reached from (through the switch), on the layout's config with a quick HTTP check on its service. It moves servers
 * on the device by itself; the test reads their states over the sim socket.
 */
final class HealthMonitorProcess implements AutoCloseable {
    /** A server is out about two checks (one second) after it stops answering. */
    private static final HealthCheck CHECK = new HealthCheck(
            new Probe.Http(TestbedLayout.HTTP_PORT, Probe.Http.DEFAULT_PATH, Probe.Http.DEFAULT_EXPECT),
            Duration.ofMillis(500), Duration.ofMillis(400), 2, 2);

    private final Process process;
    private final Path config;
    private final Path log;

    private HealthMonitorProcess(Process process, Path config, Path log) {
        this.process = process;
        this.config = config;
        this.log = log;
    }

    /** Starts the monitor with this JVM's classes on the switch behind {@code socket}. */
    static HealthMonitorProcess start(TestbedLayout layout, Path socket) throws IOException {
        SwitchConfig plain = layout.switchConfig();
        List<ServiceConfig> checked = plain.services().stream()
                .map(s -> new ServiceConfig(s.name(), s.vip(), s.protocol(), s.port(), s.scheduler(), s.servers(),
                        Optional.of(CHECK)))
                .toList();
        Path config = Files.createTempFile("flowswitch-testbed-health", ".yaml");
        Files.writeString(config, new SwitchConfig(plain.hardware(), plain.switchMac(), plain.ports(), checked,
                plain.clockHz(), plain.flowTimeouts()).toYaml());
        Path log = Files.createTempFile("flowswitch-testbed-health", ".log");
        List<String> argv = List.of("ip", "netns", "exec", layout.client().namespace(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Fsctl.class.getName(),
                "--device", "sim:" + socket, "health", "--config", config.toString());
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new HealthMonitorProcess(process, config, log);
    }

    /** What it printed so far (its banner and transitions), for messages. */
    String output() throws IOException {
        return Files.readString(log).trim().replace('\n', '|') + (process.isAlive() ? "" : " (it has stopped)");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        Files.deleteIfExists(config);
        Files.deleteIfExists(log);
    }
}
