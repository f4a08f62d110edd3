package flowswitch.driver.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.config.HealthCheck;
import flowswitch.config.Ipv4Address;
import flowswitch.config.Probe;
import flowswitch.config.ServerState;
import flowswitch.driver.api.FlowSwitchDevice;
import flowswitch.driver.api.LoadBalancer;
import flowswitch.driver.api.ServerRef;
import flowswitch.driver.fake.FakeFlowSwitch;
import flowswitch.driver.fake.Fixtures;
import flowswitch.driver.names.NamesFile;
import flowswitch.driver.regmap.RegisterMap;
import flowswitch.driver.transport.DeviceException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitor over the fake device, with scripted check results and a clock the test sets. */
class HealthMonitorTest {
    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    private static final HealthCheck TCP = new HealthCheck(new Probe.Tcp(80), Duration.ofSeconds(2),
            Duration.ofMillis(700), 2, 3);
    private static final HealthTarget WEB_1 = new HealthTarget("web", "web-1", Ipv4Address.parse("10.0.0.1"), TCP);
    private static final HealthTarget WEB_2 = new HealthTarget("web", "web-2", Ipv4Address.parse("10.0.0.2"), TCP);
    private static final HealthTarget DNS_1 = new HealthTarget("dns", "dns-1", Ipv4Address.parse("10.0.0.3"),
            new HealthCheck(new Probe.Icmp(), Duration.ofSeconds(1), Duration.ofMillis(300), 1, 1));
    private static final CheckResult OK = CheckResult.passed(Duration.ofMillis(2), "connected");
    private static final CheckResult REFUSED = CheckResult.failed(Duration.ofMillis(1), "connection refused");

    @TempDir
    Path dir;

    private final RegisterMap map = Fixtures.regmap();
    private final FakeFlowSwitch fake = new FakeFlowSwitch(map);
    private final FlowSwitchDevice device = FlowSwitchDevice.open(fake, map);
    private final MutableClock clock = new MutableClock();
    private final RecordedLog log = new RecordedLog();
    /** What each address's check returns, and the timeouts the checks were given. */
    private final Map<Ipv4Address, CheckResult> results = new ConcurrentHashMap<>();
    private final List<Duration> timeouts = Collections.synchronizedList(new ArrayList<>());
    private LoadBalancer balancer;

    @BeforeEach
    void applyTheFixture() {
        balancer = new LoadBalancer(device, new NamesFile(dir.resolve("names.json")));
        balancer.apply(Fixtures.config());
        List.of(WEB_1, WEB_2, DNS_1).forEach(t -> results.put(t.address(), OK));
    }

    @Test
    void aFailingServerGoesDownAfterFallRoundsAndComesBackAfterRise() {
        try (HealthMonitor monitor = open(List.of(WEB_1, WEB_2), ServerStates.of(balancer))) {
            results.put(WEB_2.address(), REFUSED);
            round(monitor, 1);
            round(monitor, 2);
            assertEquals(ServerState.UP, state(1));
            List<CheckReport> third = round(monitor, 3);
            assertEquals(ServerState.DOWN, state(1));
            assertEquals(ServerState.UP, state(0));
            assertEquals(List.of(new CheckReport(WEB_1, OK, Optional.of(ServerState.UP)),
                    new CheckReport(WEB_2, REFUSED, Optional.of(ServerState.DOWN))), third);
            Transition down = new Transition(T0.plusSeconds(3), "web", "web-2", ServerState.UP, ServerState.DOWN,
                    "3 consecutive failures: tcp 10.0.0.2:80 connection refused");
            assertEquals(List.of(down), log.transitions);
            assertEquals("2025-03-01T12:00:03Z web/web-2 up -> down: 3 consecutive failures: tcp 10.0.0.2:80"
                    + " connection refused", down.line());

            round(monitor, 4);
            results.put(WEB_2.address(), OK);
            round(monitor, 5);
            assertEquals(ServerState.DOWN, state(1));
            round(monitor, 6);
            assertEquals(ServerState.UP, state(1));
            assertEquals(List.of(down, new Transition(T0.plusSeconds(6), "web", "web-2", ServerState.DOWN,
                    ServerState.UP, "2 consecutive successes: tcp 10.0.0.2:80 connected")), log.transitions);
            assertEquals(List.of(), log.problems);
            assertEquals(Collections.nCopies(12, TCP.timeout()), timeouts);
        }
    }

    @Test
    void aSuspectFlagOfPassiveHealthCountsAsAFailedCheck() {
        try (HealthMonitor monitor = open(List.of(WEB_1, WEB_2), ServerStates.of(balancer))) {
            // Server slot 1 (web-2) left SYNs unanswered in the switch's last window; its active check still passes.
            fake.setRegister("PASSIVE_SUSPECT", 1 << 1);
            round(monitor, 1);
            round(monitor, 2);
            List<CheckReport> third = round(monitor, 3);
            assertEquals(ServerState.DOWN, state(1));
            assertEquals(ServerState.UP, state(0));
            assertEquals(false, third.get(1).result().passed());
            assertEquals(List.of("3 consecutive failures: tcp 10.0.0.2:80 passive health: suspect, too many SYNs"
                    + " unanswered in the switch's last window (the active check: connected)"),
                    log.transitions.stream().map(Transition::reason).toList());
        }
    }

    @Test
    void aDrainedServerIsNeitherTakenDownNorRaised() {
        balancer.setServerState(ServerRef.in("web", "web-2"), ServerState.DRAIN);
        try (HealthMonitor monitor = open(List.of(WEB_2), ServerStates.of(balancer))) {
            results.put(WEB_2.address(), REFUSED);
            for (int i = 1; i <= 5; i++) {
                round(monitor, i);
            }
            results.put(WEB_2.address(), OK);
            for (int i = 6; i <= 10; i++) {
                round(monitor, i);
            }
        }
        assertEquals(ServerState.DRAIN, state(1));
        assertEquals(List.of(), log.transitions);
    }

    @Test
    void anOperatorsChangeBetweenReadingAndMovingIsKept() {
        ServerStates device = ServerStates.of(balancer);
        AtomicInteger reads = new AtomicInteger();
        ServerStates operatorDrainsOnThirdRead = new ServerStates() {
            @Override
            public Map<ServerRef, ServerState> read() {
                Map<ServerRef, ServerState> states = device.read();
                if (reads.incrementAndGet() == 3) {
                    balancer.setServerState(WEB_2.ref(), ServerState.DRAIN);
                }
                return states;
            }

            @Override
            public boolean move(ServerRef server, ServerState from, ServerState to) {
                return device.move(server, from, to);
            }

            @Override
            public Set<ServerRef> suspects() {
                return device.suspects();
            }
        };
        HealthTarget fallOne = new HealthTarget("web", "web-2", WEB_2.address(), new HealthCheck(TCP.probe(),
                TCP.interval(), TCP.timeout(), 1, 1));
        try (HealthMonitor monitor = open(List.of(fallOne), operatorDrainsOnThirdRead)) {
            results.put(WEB_2.address(), REFUSED);
            round(monitor, 1);
            assertEquals(ServerState.DOWN, state(1));
            results.put(WEB_2.address(), OK);
            // Read as down, drained by the operator, then due up: the drain stays.
            round(monitor, 2);
        }
        assertEquals(ServerState.DRAIN, state(1));
        assertEquals(1, log.transitions.size());
        assertFalse(device.move(WEB_2.ref(), ServerState.DOWN, ServerState.UP));
        assertEquals(ServerState.DRAIN, state(1));
    }

    @Test
    void checkOnceReportsButChangesNothing() {
        try (HealthMonitor monitor = open(List.of(WEB_1, WEB_2, DNS_1), ServerStates.of(balancer))) {
            results.put(DNS_1.address(), REFUSED);
            int writes = fake.writes().size();
            assertEquals(List.of(new CheckReport(WEB_1, OK, Optional.of(ServerState.UP)),
                    new CheckReport(WEB_2, OK, Optional.of(ServerState.UP)),
                    new CheckReport(DNS_1, REFUSED, Optional.of(ServerState.UP))), monitor.checkOnce());
            // dns-1 falls after one failure, yet nothing was written but the index registers reads select with.
            assertTrue(fake.writes().subList(writes, fake.writes().size()).stream()
                    .allMatch(w -> w.register().endsWith("_INDEX")));
            assertEquals(ServerState.UP, state(2));
            assertEquals(List.of(), log.transitions);
            // Each check had its own service's timeout (in the order the parallel checks started).
            assertEquals(List.of(DNS_1.check().timeout(), TCP.timeout(), TCP.timeout()),
                    timeouts.stream().sorted().toList());
        }
    }

    @Test
    void serversTheDeviceLacksAreRefusedByName() {
        HealthTarget web9 = new HealthTarget("web", "web-9", Ipv4Address.parse("10.0.0.9"), TCP);
        HealthTarget web1InDns = new HealthTarget("dns", "web-1", Ipv4Address.parse("10.0.0.1"), TCP);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> open(List.of(WEB_1, web9, web1InDns), ServerStates.of(balancer)));
        assertEquals("the device has no server web/web-9, dns/web-1; apply the config to the device first (fsctl"
                + " apply), then check it", e.getMessage());
    }

    @Test
    void aServerDeletedWhileCheckedIsReportedAndSkipped() {
        try (HealthMonitor monitor = open(List.of(WEB_1, WEB_2), ServerStates.of(balancer))) {
            balancer.deleteServer(WEB_2.ref());
            List<CheckReport> reports = round(monitor, 1);
            assertEquals(new CheckReport(WEB_2, OK, Optional.empty()), reports.get(1));
            assertEquals(List.of(T0.plusSeconds(1) + " server web/web-2 is no longer on the device; its check result"
                    + " is ignored"), log.problems);
        }
    }

    @Test
    void theChecksOfARoundRunInParallel() {
        // Each check waits for the other two: one at a time, the first would wait in vain and fail.
        CyclicBarrier allThree = new CyclicBarrier(3);
        Checker meeting = (address, timeout) -> {
            try {
                allThree.await(5, TimeUnit.SECONDS);
                return OK;
            } catch (Exception e) {
                return CheckResult.failed(Duration.ZERO, "alone: " + e);
            }
        };
        try (HealthMonitor monitor = HealthMonitor.open(List.of(WEB_1, WEB_2, DNS_1), ServerStates.of(balancer),
                probe -> meeting, clock, log)) {
            assertTrue(monitor.runRound().stream().allMatch(r -> r.result().passed()));
        }
    }

    @Test
    void scheduledRoundsGoOnAfterTheDeviceFails() throws InterruptedException {
        ServerStates device = ServerStates.of(balancer);
        AtomicInteger reads = new AtomicInteger();
        ServerStates failsOnce = new ServerStates() {
            @Override
            public Map<ServerRef, ServerState> read() {
                if (reads.incrementAndGet() == 2) {
                    throw new DeviceException("sim:/x/fs.sock", "read 0x10", "no simulator is serving this socket");
                }
                return device.read();
            }

            @Override
            public boolean move(ServerRef server, ServerState from, ServerState to) {
                return device.move(server, from, to);
            }

            @Override
            public Set<ServerRef> suspects() {
                return device.suspects();
            }
        };
        HealthTarget fast = new HealthTarget("web", "web-2", WEB_2.address(), new HealthCheck(TCP.probe(),
                Duration.ofMillis(10), Duration.ofMillis(10), 1, 2));
        results.put(WEB_2.address(), REFUSED);
        try (HealthMonitor monitor = open(List.of(fast), failsOnce)) {
            monitor.start();
            for (int i = 0; i < 500 && state(1) != ServerState.DOWN; i++) {
                Thread.sleep(10);
            }
        }
        assertEquals(ServerState.DOWN, state(1));
        assertEquals(1, log.problems.size(), log.problems.toString());
        assertTrue(log.problems.get(0).endsWith(" round of web/web-2 failed: sim:/x/fs.sock: read 0x10: no"
                + " simulator is serving this socket"), log.problems.toString());
        assertEquals("2 consecutive failures: tcp 10.0.0.2:80 connection refused", log.transitions.get(0).reason());
    }

    private HealthMonitor open(List<HealthTarget> targets, ServerStates states) {
        return HealthMonitor.open(targets, states, probe -> (address, timeout) -> {
            timeouts.add(timeout);
            return results.get(address);
        }, clock, log);
    }

    /** Round {@code n}, at T0 + n seconds. */
    private List<CheckReport> round(HealthMonitor monitor, int n) {
        clock.now = T0.plusSeconds(n);
        return monitor.runRound();
    }

    private ServerState state(int slot) {
        return device.servers().get(slot).state();
    }

    private static final class MutableClock extends Clock {
        volatile Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the monitor needs no zone");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final class RecordedLog implements HealthLog {
        final List<Transition> transitions = Collections.synchronizedList(new ArrayList<>());
        final List<String> problems = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void transition(Transition transition) {
            transitions.add(transition);
        }

        @Override
        public void problem(Instant at, String message) {
            problems.add(at + " " + message);
        }
    }
}
