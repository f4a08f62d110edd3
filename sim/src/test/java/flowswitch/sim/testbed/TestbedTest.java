package flowswitch.sim.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import flowswitch.driver.cli.Fsctl;
import flowswitch.sim.tap.BridgeStats;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Real TCP through the generated Verilog: curl in the client namespace, Python's HTTP servers in three server
 * namespaces, all sharing the VIP, the switch running under Verilator in the background and administered by fsctl.
 * One testbed for the whole class (root only; skipped with the reason otherwise).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestbedTest {
    private static final Testbed TESTBED = Testbed.standard();
    private static final TestbedLayout LAYOUT = new TestbedLayout(3);
    private static final Set<String> SERVERS = LAYOUT.serverHosts().stream().map(TestbedHost::name)
            .collect(Collectors.toSet());
    private static final Duration CURL_TIMEOUT = Duration.ofSeconds(20);
    private static boolean started;

    @BeforeAll
    static void up() {
        Optional<String> missing = HostRequirements.missing()
                .or(() -> ExternalCommand.installed("curl") ? Optional.empty() : Optional.of("curl is not installed"));
        missing.ifPresent(reason -> System.out.println("TestbedTest skipped: " + reason));
        Assumptions.assumeTrue(missing.isEmpty(), () -> "skipped: " + missing.orElse(""));
        long t0 = System.nanoTime();
        TESTBED.up(LAYOUT, Optional.empty(), System.out::println);
        started = true;
        System.out.printf("testbed up in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    @AfterAll
    static void down() {
        if (started) TESTBED.down();
    }

    /**
     * No static neighbour entry: the client asks by ARP who has the VIP and the switch answers with its own MAC. Every
     * server then announces the VIP and claims it to the client; none of that reaches the client's link, where the
     * only ARP about the VIP is the switch's.
     */
    @Test
    @Order(0)
    void theClientResolvesTheVipToTheSwitchAndNoServersArpForItReachesTheClient() throws Exception {
        TestbedHost client = LAYOUT.client();
        HostNetwork.ip(client.namespace(), "neigh", "flush", "to", TestbedLayout.VIP.toString(), "dev", client.link());
        ArpOnTheLink.Capture capture = ArpOnTheLink.capture(client, Duration.ofSeconds(8));
        assertTrue(SERVERS.containsAll(curl(1)));
        for (TestbedHost server : LAYOUT.serverHosts()) {
            ArpOnTheLink.announce(server, TestbedLayout.VIP);
            ArpOnTheLink.claim(server, TestbedLayout.VIP, client);
        }
        String neighbour = ExternalCommand.run("ip", "-n", client.namespace(), "neigh", "show", "to",
                TestbedLayout.VIP.toString(), "dev", client.link());
        assertTrue(neighbour.contains("lladdr " + TestbedLayout.SWITCH_MAC), "the client's entry: " + neighbour);

        List<ArpOnTheLink.Captured> aboutVip = capture.frames().stream()
                .filter(f -> f.senderIp().equals(TestbedLayout.VIP)).toList();
        assertFalse(aboutVip.isEmpty(), "the switch's reply reached the client");
        ArpOnTheLink.Captured switchReply = new ArpOnTheLink.Captured(TestbedLayout.SWITCH_MAC, ArpOnTheLink.REPLY,
                TestbedLayout.SWITCH_MAC, TestbedLayout.VIP);
        for (ArpOnTheLink.Captured f : aboutVip) assertEquals(switchReply, f, "ARP about the VIP on the client's link");
        JsonNode stats = fsctlJson("stats", "--json");
        assertTrue(stats.get("services").get(0).get("arp_replies").asLong() >= 1, stats.toString());
        assertTrue(stats.get("drops").get("vip_arp").asLong() >= LAYOUT.servers(), stats.toString());
    }

    @Test
    @Order(1)
    void newConnectionsReachEveryServer() {
        Map<String, Integer> answers = count(curl(12));
        assertEquals(SERVERS, answers.keySet(), "answers by server: " + answers);
    }

    @Test
    @Order(2)
    void requestsOnOneKeepAliveConnectionStayOnOneServer() {
        for (int session = 0; session < 3; session++) {
            String url = LAYOUT.url();
            // curl reuses its connection for every URL of one invocation. After each body (the server's name and a
            // newline) it writes %{num_connects}: 1 for the URL that opened the connection, 0 for those reusing it.
            ExternalCommand.Result r = HostNetwork.exec(LAYOUT.client().namespace(), CURL_TIMEOUT, "curl", "-sS",
                    "-m", "15", "-w", "%{num_connects}\\n", url, url, url, url, url);
            assertTrue(r.ok(), r.output());
            List<String> words = List.of(r.output().split("\\s+"));
            assertEquals(10, words.size(), r.output());
            List<String> bodies = new ArrayList<>();
            int connects = 0;
            for (int i = 0; i < words.size(); i += 2) {
                bodies.add(words.get(i));
                connects += Integer.parseInt(words.get(i + 1));
            }
            assertEquals(1, connects, "one connection: " + r.output());
            assertEquals(1, bodies.stream().distinct().count(), "one server: " + r.output());
            assertTrue(SERVERS.contains(bodies.get(0)), r.output());
        }
    }

    @Test
    @Order(3)
    void aServerTakenDownGetsNoNewConnectionsAndTheOthersServeThemAll() {
        assertEquals(0, fsctl("server", "down", "--name", "s2"));
        try {
            List<String> after = curl(9);
            assertEquals(9, after.size());
            assertEquals(Set.of("s1", "s3"), count(after).keySet(), "answers: " + count(after));
        } finally {
            assertEquals(0, fsctl("server", "up", "--name", "s2"));
        }
    }

    /**
     * A connection held open to one server keeps working on that server after it is drained, while new connections
     * go to the others.
     */
    @Test
    @Order(4)
    void aDrainedServerFinishesItsOpenConnectionAndGetsNoNewOnes() throws Exception {
        flushFlows();
        try (HeldConnection held = HeldConnection.open(LAYOUT)) {
            String drained = held.request();
            assertTrue(SERVERS.contains(drained), drained);
            assertEquals(0, fsctl("server", "drain", "--name", drained));
            try {
                List<String> after = curl(6);
                assertFalse(after.contains(drained), drained + " is drained, yet answered: " + after);
                assertEquals(2, count(after).size(), "answers: " + count(after));
                for (int i = 0; i < 2; i++) assertEquals(drained, held.request(), "the held connection's answer");
            } finally {
                assertEquals(0, fsctl("server", "up", "--name", drained));
            }
        }
    }

    /**
     * One server's link goes down: {@code fsctl health} in the client namespace marks it down, new connections all
     * succeed on the others, and a connection held open to another server goes on without a reset.
     */
    @Test
    @Order(5)
    void aServerWhoseLinkGoesDownIsMarkedDownByHealthAndTheOthersCarryOn() throws Exception {
        flushFlows();
        try (HeldConnection held = HeldConnection.open(LAYOUT)) {
            String first = held.request();
            TestbedHost cut = LAYOUT.serverHosts().stream().filter(s -> !s.name().equals(first))
                    .findFirst().orElseThrow();
            try {
                try (HealthMonitorProcess health = HealthMonitorProcess.start(LAYOUT, TESTBED.files().socket())) {
                    HostNetwork.ip(cut.namespace(), "link", "set", cut.link(), "down");
                    assertTrue(Wait.until(Duration.ofSeconds(20), Duration.ofMillis(200),
                                    () -> serverState(cut.name()).equals("down")),
                            cut.name() + " is still " + serverState(cut.name()) + "; fsctl health: " + health.output());
                    List<String> after = curl(6);
                    assertFalse(after.contains(cut.name()), cut.name() + "'s link is down, yet it answered: " + after);
                    assertEquals(2, count(after).size(), "answers: " + count(after));
                    assertEquals(first, held.request(), "the held connection's answer");
                    assertTrue(SERVERS.stream().filter(s -> !s.equals(cut.name()))
                                    .allMatch(s -> serverState(s).equals("up")),
                            "the other servers stay up; fsctl health: " + health.output());
                }
            } finally {
                HostNetwork.ip(cut.namespace(), "link", "set", cut.link(), "up");
                assertEquals(0, fsctl("server", "up", "--name", cut.name()));
            }
        }
    }

    /**
     * tshark on the client's link while requests run: every IP frame passes Wireshark's IP and TCP checksum checks
     * and goes between the client and the VIP, never a server's own address.
     */
    @Test
    @Order(6)
    void aCaptureOnTheClientsLinkShowsValidChecksumsAndOnlyTheClientAndTheVip() throws Exception {
        boolean tshark = ExternalCommand.installed("tshark");
        String reason = "tshark is not installed (scripts/setup.sh installs it)";
        if (!tshark) System.out.println("capture test skipped: " + reason);
        Assumptions.assumeTrue(tshark, () -> "skipped: " + reason);
        int requests = 4;
        // Each request is at least a handshake, the GET, the answer and a close: three frames or more either way.
        int framesEachWay = 3 * requests;
        List<TsharkCapture.IpFrame> frames;
        try (TsharkCapture capture = TsharkCapture.start(LAYOUT.client())) {
            curl(requests);
            frames = capture.stopAndRead(2 * framesEachWay);
        }
        String client = LAYOUT.client().address().toString();
        String vip = TestbedLayout.VIP.toString();
        for (String from : List.of(client, vip)) {
            assertTrue(frames.stream().filter(f -> f.source().equals(from)).count() >= framesEachWay,
                    "too few frames from " + from + ": " + frames);
        }
        for (TsharkCapture.IpFrame f : frames) {
            assertEquals(Set.of(client, vip), Set.of(f.source(), f.destination()), "addresses of " + f);
            assertEquals(TsharkCapture.ChecksumStatus.GOOD, f.ip(), "IP checksum of " + f);
            assertEquals(TsharkCapture.ChecksumStatus.GOOD, f.tcp(), "TCP checksum of " + f);
        }
    }

    /** Nothing in flight: the switch sleeps in poll(2) instead of running the clock. */
    @Test
    @Order(7)
    void anIdleSwitchUsesAlmostNoCpu() throws Exception {
        ProcessHandle sim = TESTBED.files().sim().running().orElseThrow();
        Thread.sleep(1000);
        Duration before = sim.info().totalCpuDuration().orElseThrow();
        Thread.sleep(3000);
        Duration used = sim.info().totalCpuDuration().orElseThrow().minus(before);
        assertTrue(used.toMillis() < 300, "the idle switch used " + used.toMillis() + " ms of CPU in 3 s");
    }

    @Test
    @Order(8)
    void statusShowsItUpAndASecondUpIsRefused() throws Exception {
        Thread.sleep(1100); // the bridge's statistics file is rewritten once a second
        TestbedStatus status = TESTBED.status();
        assertTrue(status.up(), status.toString());
        assertEquals(Optional.of(LAYOUT), status.layout());
        BridgeStats bridge = status.bridge().orElseThrow();
        assertTrue(bridge.framesIn() > 100 && bridge.framesOut() >= bridge.framesIn(), bridge.toString());
        assertTrue(bridge.cycles() > 0 && bridge.cyclesPerSecond() > 0, bridge.toString());

        TestbedException e = assertThrows(TestbedException.class,
                () -> TESTBED.up(LAYOUT, Optional.empty(), line -> { }));
        assertTrue(e.getMessage().contains("already up") && e.getMessage().contains("testbed down"), e.getMessage());
        assertTrue(TESTBED.status().up(), "the refused up changed nothing");
    }

    @Test
    @Order(9)
    void downRemovesEverythingAfterACrash() {
        ProcessHandle sim = TESTBED.files().sim().running().orElseThrow();
        List<ProcessHandle> web = LAYOUT.serverHosts().stream()
                .map(s -> TESTBED.files().http(s).running().orElseThrow()).toList();
        sim.destroyForcibly();
        sim.onExit().join();

        List<String> removed = TESTBED.down();
        assertTrue(removed.containsAll(LAYOUT.hosts().stream().map(h -> "namespace " + h.namespace()).toList()),
                removed.toString());
        assertTrue(TESTBED.status().clean(), TESTBED.status().toString());
        assertFalse(Files.exists(TESTBED.files().dir()));
        assertTrue(web.stream().noneMatch(ProcessHandle::isAlive), "the web servers were stopped");
        assertEquals(List.of(), TESTBED.down(), "a second down finds nothing");
        started = false;
    }

    /** Finished connections keep their entries; with the table full, new ones would be placed by hash. */
    private static void flushFlows() {
        assertEquals(0, fsctl("flows", "flush"));
    }

    /** A server's state on the device, as {@code server list} spells it. */
    private static String serverState(String server) {
        StringWriter out = new StringWriter();
        assertEquals(0, fsctl(out, "server", "list", "--json"), out.toString());
        try {
            for (JsonNode s : new ObjectMapper().readTree(out.toString())) {
                if (s.get("name").asText().equals(server)) return s.get("state").asText();
            }
        } catch (JsonProcessingException e) {
            throw new AssertionError("server list --json printed no JSON: " + out, e);
        }
        throw new AssertionError("the device has no server " + server + ": " + out);
    }

    /** The bodies of {@code n} requests from the client, each on a new connection; every request must succeed. */
    private static List<String> curl(int n) {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ExternalCommand.Result r = HostNetwork.exec(LAYOUT.client().namespace(), CURL_TIMEOUT, "curl", "-sS",
                    "-m", "15", LAYOUT.url());
            assertTrue(r.ok(), "request " + i + ": " + r.output());
            answers.add(r.output().trim());
        }
        return answers;
    }

    private static Map<String, Integer> count(Collection<String> answers) {
        Map<String, Integer> counts = new TreeMap<>();
        answers.forEach(a -> counts.merge(a, 1, Integer::sum));
        return counts;
    }

    private static int fsctl(String... verb) {
        StringWriter out = new StringWriter();
        int exit = fsctl(out, verb);
        System.out.print(out);
        return exit;
    }

    /** What a read verb with {@code --json} prints. */
    private static JsonNode fsctlJson(String... verb) throws Exception {
        StringWriter out = new StringWriter();
        assertEquals(0, fsctl(out, verb), out.toString());
        return new ObjectMapper().readTree(out.toString());
    }

    private static int fsctl(StringWriter out, String... verb) {
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("--device", "sim:" + TESTBED.files().socket()));
        args.addAll(List.of(verb));
        int exit = Fsctl.execute(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true),
                args.toArray(String[]::new));
        System.out.print(err);
        return exit;
    }
}
