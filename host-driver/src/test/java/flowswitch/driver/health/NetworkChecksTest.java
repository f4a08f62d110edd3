package flowswitch.driver.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import flowswitch.config.HealthCheck;
import flowswitch.config.Ipv4Address;
import flowswitch.config.Probe;
import flowswitch.config.ServerState;
import flowswitch.driver.api.FlowSwitchDevice;
import flowswitch.driver.api.LoadBalancer;
import flowswitch.driver.fake.FakeFlowSwitch;
import flowswitch.driver.fake.Fixtures;
import flowswitch.driver.names.NamesFile;
import flowswitch.driver.regmap.RegisterMap;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real checkers and the running monitor against servers on 127.0.0.1 that go away and come back. */
class NetworkChecksTest {
    private static final Ipv4Address LOOPBACK = Ipv4Address.parse("127.0.0.1");
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    @Test
    void tcpCheckSeesAListenerGoAndComeBack() throws IOException {
        int port;
        try (ServerSocket listener = listen(0)) {
            port = listener.getLocalPort();
            CheckResult up = new TcpChecker(port).check(LOOPBACK, TIMEOUT);
            assertTrue(up.passed(), up.toString());
            assertEquals("connected", up.detail());
        }
        assertEquals(new CheckResultShape(false, "connection refused"),
                CheckResultShape.of(new TcpChecker(port).check(LOOPBACK, TIMEOUT)));
        try (ServerSocket again = listen(port)) {
            assertEquals(new CheckResultShape(true, "connected"),
                    CheckResultShape.of(new TcpChecker(port).check(LOOPBACK, TIMEOUT)));
        }
    }

    @Test
    void httpCheckExpectsItsStatus() throws IOException {
        AtomicInteger status = new AtomicInteger(200);
        HttpServer server = http(0, status);
        int port = server.getAddress().getPort();
        try {
            assertEquals(new CheckResultShape(true, "status 200"),
                    CheckResultShape.of(new HttpChecker(port, "/health", 200).check(LOOPBACK, TIMEOUT)));
            status.set(503);
            assertEquals(new CheckResultShape(false, "status 503, expected 200"),
                    CheckResultShape.of(new HttpChecker(port, "/health", 200).check(LOOPBACK, TIMEOUT)));
            assertEquals(new CheckResultShape(true, "status 503"),
                    CheckResultShape.of(new HttpChecker(port, "/health", 503).check(LOOPBACK, TIMEOUT)));
            // Not found: the path is part of the check.
            status.set(200);
            assertEquals(new CheckResultShape(false, "status 404, expected 200"),
                    CheckResultShape.of(new HttpChecker(port, "/other", 200).check(LOOPBACK, TIMEOUT)));
        } finally {
            server.stop(0);
        }
        assertEquals(new CheckResultShape(false, "could not connect"),
                CheckResultShape.of(new HttpChecker(port, "/health", 200).check(LOOPBACK, TIMEOUT)));
    }

    @Test
    void aCheckGivesUpAtItsTimeout() throws IOException {
        // A listener that never accepts: the connection completes in the kernel, the request is never answered.
        try (ServerSocket silent = listen(0)) {
            Duration timeout = Duration.ofMillis(300);
            CheckResult result = new HttpChecker(silent.getLocalPort(), "/", 200).check(LOOPBACK, timeout);
            assertEquals(new CheckResultShape(false, "no answer within 300ms"), CheckResultShape.of(result));
            assertTrue(result.latency().compareTo(timeout) >= 0 && result.latency().compareTo(TIMEOUT) < 0,
                    result.toString());
        }
    }

    @Test
    void icmpEchoReachesTheLoopback() {
        CheckResult result = Checker.of(new Probe.Icmp()).check(LOOPBACK, TIMEOUT);
        assertEquals(new CheckResultShape(true, "echo reply"), CheckResultShape.of(result));
    }

    @Test
    void theMonitorTakesAServerThatGoesAwayDownAndBringsItBackUp() throws Exception {
        RegisterMap map = Fixtures.regmap();
        FlowSwitchDevice device = FlowSwitchDevice.open(new FakeFlowSwitch(map), map);
        LoadBalancer balancer = new LoadBalancer(device, new NamesFile(dir.resolve("names.json")));
        balancer.apply(Fixtures.config());

        AtomicInteger status = new AtomicInteger(200);
        HttpServer server = http(0, status);
        int port = server.getAddress().getPort();
        HealthTarget web2 = new HealthTarget("web", "web-2", LOOPBACK, new HealthCheck(new Probe.Http(port,
                "/health", 200), Duration.ofMillis(50), Duration.ofMillis(50), 2, 2));
        List<Transition> transitions = Collections.synchronizedList(new ArrayList<>());
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        HealthLog log = new HealthLog() {
            @Override
            public void transition(Transition transition) {
                transitions.add(transition);
            }

            @Override
            public void problem(Instant at, String message) {
                problems.add(message);
            }
        };
        try (HealthMonitor monitor = HealthMonitor.open(List.of(web2), ServerStates.of(balancer), Checker::of,
                Clock.systemUTC(), log)) {
            monitor.start();
            server.stop(0);
            waitFor(() -> device.servers().get(1).state() == ServerState.DOWN);
            server = http(port, status);
            waitFor(() -> device.servers().get(1).state() == ServerState.UP);
        } finally {
            server.stop(0);
        }
        assertEquals(List.of(), problems);
        assertEquals(2, transitions.size(), transitions.toString());
        assertEquals("web/web-2 up -> down: 2 consecutive failures: http 127.0.0.1:" + port + "/health could not"
                + " connect", withoutTime(transitions.get(0)));
        assertEquals("web/web-2 down -> up: 2 consecutive successes: http 127.0.0.1:" + port + "/health status 200",
                withoutTime(transitions.get(1)));
        assertTrue(transitions.get(0).at().isBefore(transitions.get(1).at()));
        assertEquals(ServerState.UP, device.servers().get(0).state());
    }

    /** A check's outcome without its latency, which varies. */
    private record CheckResultShape(boolean passed, String detail) {
        static CheckResultShape of(CheckResult result) {
            return new CheckResultShape(result.passed(), result.detail());
        }
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    /** Answers /health with {@code status}; anything else is not found. */
    private static HttpServer http(int port, AtomicInteger status) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/health") ? status.get() : 404,
                    -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean(), "not within 5 s");
    }

    private static String withoutTime(Transition transition) {
        return transition.line().substring(transition.line().indexOf(' ') + 1);
    }
}
