package flowswitch.driver.cli;

import static flowswitch.driver.cli.FsctlRunner.assertFails;
import static flowswitch.driver.cli.FsctlRunner.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import flowswitch.config.HealthCheck;
import flowswitch.config.Ipv4Address;
import flowswitch.config.Probe;
import flowswitch.config.ServerConfig;
import flowswitch.config.ServerState;
import flowswitch.config.ServiceConfig;
import flowswitch.config.SwitchConfig;
import flowswitch.driver.api.FlowSwitchDevice;
import flowswitch.driver.cli.FsctlRunner.Result;
import flowswitch.driver.fake.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fsctl health against the fake device, checking real listeners: web-1 at 127.0.0.1, where a socket listens,
 * and web-2 at 127.0.0.2, where nothing does.
 */
class HealthCommandTest {
    @TempDir
    Path dir;

    private FsctlRunner fsctl;
    private FlowSwitchDevice device;
    private ServerSocket listener;

    @BeforeEach
    void start() throws Exception {
        fsctl = new FsctlRunner(dir);
        assertOk(fsctl.fsctl("apply", fsctl.configFile().toString()));
        device = FlowSwitchDevice.open(fsctl.fake, fsctl.map);
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterEach
    void stop() throws IOException {
        listener.close();
        fsctl.close();
    }

    @Test
    void onceChecksEveryServerAndChangesNothing() throws Exception {
        int port = listener.getLocalPort();
        Result once = fsctl.fsctl("health", "--config", healthConfig(1).toString(), "--once");
        assertOk(once);
        List<String> lines = once.out().lines().toList();
        assertEquals(3, lines.size(), once.out());
        assertTrue(lines.get(0).matches("SERVICE +SERVER +ADDRESS +CHECK +RESULT +LATENCY +STATE"), lines.get(0));
        assertTrue(lines.get(1).matches("web +web-1 +127\\.0\\.0\\.1 +tcp :" + port
                + " +ok: connected +[0-9]+\\.[0-9]ms +up"), lines.get(1));
        assertTrue(lines.get(2).matches("web +web-2 +127\\.0\\.0\\.2 +tcp :" + port
                + " +failed: connection refused +[0-9]+\\.[0-9]ms +up"), lines.get(2));
        // fall is 1, yet --once takes nothing down.
        assertEquals(ServerState.UP, device.servers().get(1).state());
    }

    @Test
    void passiveHealthWindowsFollowTheShortestCheckInterval() throws Exception {
        assertOk(fsctl.fsctl("health", "--config", healthConfig(1).toString(), "--once", "--passive-unanswered", "5"));
        SwitchConfig cfg = SwitchConfig.load(healthConfig(1));
        long interval = cfg.services().get(0).health().orElseThrow().interval().toMillis();
        assertEquals(interval * cfg.clockHz() / 1000, Integer.toUnsignedLong(fsctl.fake.read(
                fsctl.map.register("PASSIVE_WINDOW").address())));
        assertEquals(5, fsctl.fake.read(fsctl.map.register("PASSIVE_THRESHOLD").address()));
    }

    @Test
    void onceAsJson() throws Exception {
        int port = listener.getLocalPort();
        Result once = fsctl.fsctl("health", "--config", healthConfig(1).toString(), "--once", "--json");
        assertOk(once);
        JsonNode servers = once.json();
        assertEquals(2, servers.size());
        JsonNode web2 = servers.get(1);
        assertEquals(List.of("web", "web-2", "127.0.0.2", "tcp", "tcp 127.0.0.2:" + port, "false",
                        "connection refused", "up"),
                List.of("service", "server", "address", "check", "target", "passed", "detail", "state").stream()
                        .map(key -> web2.get(key).asText()).toList());
        assertTrue(servers.get(0).get("passed").asBoolean());
        assertTrue(web2.get("latency_ms").isNumber());
    }

    @Test
    void runsUntilStoppedTakingADeadServerDown() throws Exception {
        int port = listener.getLocalPort();
        Path config = healthConfig(2);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread health = new Thread(() -> exit.set(Fsctl.execute(fsctl.env, new PrintWriter(out, true),
                new PrintWriter(err, true), "--device", "sim:" + fsctl.socket, "health", "--config",
                config.toString())));
        health.start();
        Pattern down = Pattern.compile("checking 2 servers of 1 service \\(Ctrl-C to stop\\)\n"
                + "20[0-9-]{8}T[0-9:.]+Z web/web-2 up -> down: 2 consecutive failures: tcp 127\\.0\\.0\\.2:" + port
                + " connection refused\n");
        for (int i = 0; i < 500 && !down.matcher(out.toString()).matches(); i++) {
            Thread.sleep(10);
        }
        assertTrue(down.matcher(out.toString()).matches(), "out: " + out + " err: " + err);
        assertEquals(ServerState.DOWN, device.servers().get(1).state());
        assertEquals(ServerState.UP, device.servers().get(0).state());

        // The device is locked per round only: the operator's commands run meanwhile, and a drain is kept.
        assertOk(fsctl.fsctl("--wait", "5", "server", "drain", "--name", "web-2"));
        Thread.sleep(200);
        assertEquals(ServerState.DRAIN, device.servers().get(1).state());

        health.interrupt();
        health.join(5_000);
        assertEquals(0, exit.get(), err.toString());
        assertEquals("", err.toString());
    }

    @Test
    void aConfigWithoutHealthChecksIsRefused() throws Exception {
        assertFails(fsctl.fsctl("health", "--config", fsctl.configFile().toString()), 2,
                "switch.yaml: no service has a health block, so there is nothing to check");
    }

    @Test
    void aBadHealthBlockIsRefusedWithItsLine() throws Exception {
        Path config = healthConfig(1);
        Files.writeString(config, Files.readString(config).replace("fall: 1", "fall: 0"));
        assertFails(fsctl.fsctl("health", "--config", config.toString(), "--once"), 2,
                "health.yaml:40:13: services[0].health.fall: 0 is out of range; expected 1..100");
    }

    @Test
    void serversNotOnTheDeviceAreRefused() throws Exception {
        assertOk(fsctl.fsctl("server", "del", "--name", "web-2"));
        assertFails(fsctl.fsctl("health", "--config", healthConfig(1).toString(), "--once"), 2,
                "the device has no server web/web-2; apply the config to the device first (fsctl apply)");
    }

    /** The fixture config with addresses for web's servers and a TCP check of the listener's port. */
    private Path healthConfig(int fall) throws IOException {
        SwitchConfig fixture = Fixtures.config();
        ServiceConfig web = fixture.services().get(0);
        List<ServerConfig> servers = List.of(withAddress(web.servers().get(0), "127.0.0.1"),
                withAddress(web.servers().get(1), "127.0.0.2"));
        HealthCheck check = new HealthCheck(new Probe.Tcp(listener.getLocalPort()), Duration.ofMillis(50),
                Duration.ofMillis(50), 1, fall);
        SwitchConfig config = new SwitchConfig(fixture.hardware(), fixture.switchMac(), fixture.ports(), List.of(
                new ServiceConfig(web.name(), web.vip(), web.protocol(), web.port(), web.scheduler(), servers,
                        Optional.of(check)), fixture.services().get(1)));
        return Files.writeString(dir.resolve("health.yaml"), config.toYaml());
    }

    private static ServerConfig withAddress(ServerConfig server, String address) {
        return new ServerConfig(server.name(), server.mac(), server.port(), server.weight(), server.state(),
                Optional.of(Ipv4Address.parse(address)));
    }
}
