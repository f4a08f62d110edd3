package flowswitch.sim.demo;

import flowswitch.config.DurationText;
import flowswitch.config.ServerSlot;
import flowswitch.config.ServerState;
import flowswitch.driver.api.Counters;
import flowswitch.driver.health.Transition;
import flowswitch.sim.testbed.Testbed;
import flowswitch.sim.testbed.TestbedException;
import flowswitch.sim.testbed.TestbedFiles;
import flowswitch.sim.testbed.TestbedHost;
import flowswitch.sim.testbed.TestbedLayout;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The demo on real hosts: brings a testbed up, spreads new connections from the client over every server (answers
 * beside the switch's counters), kills one server's HTTP server and times how long {@code fsctl health} takes to
 * move it out of service, checks that new connections then all succeed without it, and shows how to explore
 * further. The testbed goes down at the end, whatever happens.
 */
public final class TestbedDemo {
    private static final int SERVERS = 3;
    private static final int SPREAD_REQUESTS = 60;
    private static final int FAILOVER_REQUESTS = 30;
    /** The server whose HTTP server is killed: the one in the middle, so the scheduler visibly skips it. */
    private static final int VICTIM = 1;
    /** fsctl health is a JVM of its own, started in the client namespace. */
    private static final Duration HEALTH_START_LIMIT = Duration.ofSeconds(60);
    /** Two failed checks take about a second; this is far beyond it. */
    private static final Duration FAILOVER_LIMIT = Duration.ofSeconds(20);

    private final Testbed testbed;
    private final TestbedLayout layout = new TestbedLayout(SERVERS);
    private final List<ServerSlot> slots = layout.switchConfig().serverSlots();
    private final ClientRequests client = new ClientRequests(layout);

    public TestbedDemo(Testbed testbed) {
        this.testbed = testbed;
    }

    /**
     * Runs the demo, printing as it goes.
     *
     * @return whether every check held: answers from every server and no failure at first, then s2 taken out of
     *         service by its health checks, and every new connection answered by the others
     * @throws TestbedException if a testbed is there already (left alone), or one cannot be brought up
     */
    public boolean run(PrintWriter out) throws InterruptedException {
        out.printf("testbed: client namespace %s on uplink port 0; servers %s on ports 1..%d, each with the VIP %s on"
                        + " its loopback and an HTTP server answering with its name (sim/README-testbed.md)%n",
                layout.client().namespace(), layout.serverHosts().stream().map(TestbedHost::namespace).toList(),
                SERVERS, TestbedLayout.VIP);
        try (OwnedTestbed owned = OwnedTestbed.bringUp(testbed, layout, out)) {
            SwitchRegisters registers = new SwitchRegisters(testbed.files().socket());
            out.println();
            boolean spread = spread(out, registers);
            out.println();
            boolean failover = failover(out, registers);
            out.println();
            explore(out);
            out.println();
            out.println(spread && failover ? "demo passed: every check held" : "demo FAILED: see the checks above");
            return spread && failover;
        }
    }

    /** Phase 1: new connections reach every server, as the switch's counters confirm. */
    private boolean spread(PrintWriter out, SwitchRegisters registers) {
        out.printf("phase 1: %d new connections from the client, one at a time (%s)%n", SPREAD_REQUESTS,
                client.command());
        out.println("  each phase starts with an empty flow table (fsctl flows flush): a finished connection keeps its"
                + " entry until it ages out, which takes minutes of simulated time, and a full table places new"
                + " connections by hash instead of by the scheduler");
        RequestTally tally = requests(out, registers, SPREAD_REQUESTS).tally();
        List<String> silent = slots.stream().map(s -> s.server().name()).filter(name -> tally.from(name) == 0).toList();
        return check(out, silent.isEmpty() && tally.failures().isEmpty(), "answers from every server ("
                + tally.spread() + "), " + failed(tally)
                + (silent.isEmpty() ? "" : "; no answer from " + String.join(", ", silent)));
    }

    /** Phase 2: a server's HTTP server dies; its health checks take it out; new connections avoid it. */
    private boolean failover(PrintWriter out, SwitchRegisters registers) throws InterruptedException {
        TestbedHost victim = layout.serverHosts().get(VICTIM);
        out.printf("phase 2: failover. fsctl health checks every server (http GET / every %s, timeout %s, fall %d,"
                        + " rise %d) from the client namespace:%n", DurationText.format(HealthWatch.CHECK.interval()),
                DurationText.format(HealthWatch.CHECK.timeout()), HealthWatch.CHECK.fall(), HealthWatch.CHECK.rise());
        try (HealthWatch health = HealthWatch.start(layout, testbed.files())) {
            out.println("  " + health.command());
            health.awaitRunning(HEALTH_START_LIMIT);
            ProcessHandle http = httpServer(testbed.files(), victim);
            Instant killed = Instant.now();
            http.destroyForcibly();
            out.printf("  killed %s's HTTP server (pid %d)%n", victim.name(), http.pid());
            Optional<Transition> down = health.awaitTransition(victim.name(), ServerState.DOWN, killed,
                    FAILOVER_LIMIT);
            if (down.isEmpty()) {
                return check(out, false, "fsctl health took " + victim.name() + " out of service within "
                        + FAILOVER_LIMIT.toSeconds() + " s (it said: " + health.output() + ")");
            }
            out.println("  fsctl health: " + down.get().line());
            Duration failover = Duration.between(killed, down.get().at());
            out.printf("  failover: %d ms from the kill to %s out of service, %.1f check intervals of %s%n",
                    failover.toMillis(), victim.name(), failover.toMillis()
                            / (double) HealthWatch.CHECK.interval().toMillis(),
                    DurationText.format(HealthWatch.CHECK.interval()));
        }
        out.printf("  then %d new connections from the client:%n", FAILOVER_REQUESTS);
        Batch batch = requests(out, registers, FAILOVER_REQUESTS);
        RequestTally tally = batch.tally();
        ServerTraffic toVictim = ServerTraffic.between(batch.before(), batch.after(), slotOf(victim));
        return check(out, tally.failures().isEmpty() && tally.answered() == FAILOVER_REQUESTS
                        && tally.from(victim.name()) == 0 && toVictim.none(),
                tally.answered() + " of " + FAILOVER_REQUESTS + " answered (" + tally.spread() + "), " + failed(tally)
                        + "; none reached " + victim.name() + " (the switch sent it " + toVictim.newFlows()
                        + " new flows, " + toVictim.packets() + " packets)");
    }

    /** Requests sent, with the counters read just before and just after them. */
    private record Batch(RequestTally tally, Counters before, Counters after) {}

    /** Flushes the flow table, sends {@code count} requests and prints them beside the counters. */
    private Batch requests(PrintWriter out, SwitchRegisters registers, int count) {
        registers.flushFlows();
        Counters before = registers.counters();
        RequestTally tally = client.send(count);
        Batch batch = new Batch(tally, before, registers.counters());
        TrafficTable.print(out, slots, tally, batch.before(), batch.after());
        tally.failures().forEach(f -> out.println("  failed " + f));
        return batch;
    }

    /** Phase 3: what to try next, on a testbed that stays up. */
    private void explore(PrintWriter out) {
        String fsctl = "./fsctl --device sim:" + testbed.files().socket();
        out.println("explore further: `./flowswitch testbed up --config-out testbed.yaml` brings up the same testbed"
                + " and keeps it running until `./flowswitch testbed down`; then:");
        out.println("  " + client.command() + "    # ask the VIP");
        out.println("  " + fsctl + " stats --watch    # the counters, redrawn every second");
        out.println("  " + fsctl + " flows list    # the flow table: which connection went where");
        out.println("  " + fsctl + " server down --name s2");
        out.println("  ip netns exec " + layout.client().namespace() + " " + fsctl + " health --config testbed.yaml"
                + "    # after adding a health: block to its service (sim/README-testbed.md)");
        out.println("  waveforms: `flowswitch sim run` has no trace option; a model built with"
                + " ModelBuilder.withTrace(TraceFormat.VCD) writes them for gtkwave (sim/README-runner.md, Waveforms)");
    }

    private int slotOf(TestbedHost server) {
        return slots.stream().filter(s -> s.server().name().equals(server.name())).findFirst().orElseThrow().index();
    }

    private static ProcessHandle httpServer(TestbedFiles files, TestbedHost server) {
        return files.http(server).running().orElseThrow(() -> new TestbedException("the HTTP server of "
                + server.name() + " is not running, so there is nothing to kill; see " + files.httpLog(server)));
    }

    private static String failed(RequestTally tally) {
        return tally.failures().size() + " failed";
    }

    private static boolean check(PrintWriter out, boolean held, String what) {
        out.println("  check: " + what + (held ? ": ok" : ": FAILED"));
        return held;
    }
}
