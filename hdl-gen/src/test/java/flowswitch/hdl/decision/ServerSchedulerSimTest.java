package flowswitch.hdl.decision;

import static flowswitch.hdl.dsl.HwComponent.build;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.config.ServerState;
import flowswitch.hdl.simtest.SimModels;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import spinal.core.sim.SimCompiled;

/**
 * The server scheduler under Verilator: 4 server slots and 2 services, 16 server slots and 4 services, 32 and 16 for
 * the policies whose trees grow with the slots (lc, wlc, mh).
 */
class ServerSchedulerSimTest {
    private static final int SERVICE = 1;
    private static final int CONNECTION_BITS = 12;

    private static void run(int servers, int services, String test, BiConsumer<SchedulerDriver, Random> body) {
        SimCompiled<ServerScheduler> model = SimModels.get("ServerScheduler_s" + servers + "_v" + services,
                () -> build(new ServerScheduler(new SchedulerConfig(servers, services, CONNECTION_BITS))));
        int seed = test.hashCode() ^ servers;
        SimModels.run(model, test, seed, dut -> body.accept(new SchedulerDriver(dut, servers), new Random(seed)));
    }

    /** Three servers a, b, c of {@link #SERVICE}, spread out with empty slots between them (c at the top slot). */
    private record Trio(int a, int b, int c, List<ServerSlot> slots) {
        static Trio of(int servers, int wa, int wb, int wc) {
            int a = 0;
            int b = servers / 4;
            int c = servers - 1;
            List<ServerSlot> slots = new ArrayList<>(Collections.nCopies(servers, ServerSlot.EMPTY));
            slots.set(a, ServerSlot.up(SERVICE, wa));
            slots.set(b, ServerSlot.up(SERVICE, wb));
            slots.set(c, ServerSlot.up(SERVICE, wc));
            return new Trio(a, b, c, slots);
        }
    }

    private static List<Integer> picks(SchedulerDriver t, int count, Policy policy) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < count; i++) out.add(t.next(SERVICE, policy).orElse(-1));
        return out;
    }

    @ParameterizedTest(name = "{0} servers, {1} services")
    @CsvSource({"4, 2", "16, 4"})
    void weightedRoundRobinWithWeights312GivesAAABCC(int servers, int services) {
        run(servers, services, "wrr", (t, random) -> {
            Trio s = Trio.of(servers, 3, 1, 2);
            t.setServers(s.slots());
            List<Integer> cycle = List.of(s.a(), s.a(), s.a(), s.b(), s.c(), s.c());
            List<Integer> expected = new ArrayList<>();
            for (int k = 0; k < 3; k++) expected.addAll(cycle);
            assertEquals(expected, picks(t, expected.size(), Policy.WRR));
        });
    }

    @ParameterizedTest(name = "{0} servers, {1} services")
    @CsvSource({"4, 2", "16, 4"})
    void roundRobinTakesEveryWeightAsOne(int servers, int services) {
        run(servers, services, "rr", (t, random) -> {
            Trio s = Trio.of(servers, 3, 1, 2);
            t.setServers(s.slots());
            assertEquals(List.of(s.a(), s.b(), s.c(), s.a(), s.b(), s.c(), s.a()), picks(t, 7, Policy.RR));
        });
    }

    @ParameterizedTest(name = "{0} servers, {1} services")
    @CsvSource({"4, 2", "16, 4"})
    void serversThatAreNotEligibleAreSkipped(int servers, int services) {
        run(servers, services, "skip", (t, random) -> {
            Map<String, ServerSlot> kinds = Map.of(
                    "invalid", new ServerSlot(false, SERVICE, ServerState.UP.code(), 5),
                    "down", new ServerSlot(true, SERVICE, ServerState.DOWN.code(), 5),
                    "draining", new ServerSlot(true, SERVICE, ServerState.DRAIN.code(), 5),
                    "weight 0", ServerSlot.up(SERVICE, 0),
                    "in another service", ServerSlot.up(SERVICE - 1, 5));
            int first = 0;
            int last = servers - 1;
            kinds.forEach((kind, slot) -> {
                List<ServerSlot> slots = new ArrayList<>(Collections.nCopies(servers, slot));
                slots.set(first, ServerSlot.up(SERVICE, 1));
                slots.set(last, ServerSlot.up(SERVICE, 1));
                t.setServers(slots);
                for (Policy policy : Policy.values()) {
                    List<Integer> got = picks(t, 6, policy);
                    for (int i = 0; i < got.size(); i++) {
                        assertTrue(got.get(i) == first || got.get(i) == last, kind + ", " + policy + ": " + got);
                        // Only the round-robins alternate by themselves; lc, wlc and mh follow counts and entries.
                        boolean rotates = policy == Policy.RR || policy == Policy.WRR;
                        if (i > 0 && rotates) {
                            assertTrue(!got.get(i).equals(got.get(i - 1)), kind + ", " + policy + ": no alternation in " + got);
                        }
                    }
                }
                t.setServers(Collections.nCopies(servers, slot));
                assertEquals(OptionalInt.empty(), t.next(SERVICE, Policy.WRR), "only servers " + kind);
            });
        });
    }

    @ParameterizedTest(name = "{0} servers, {1} services")
    @CsvSource({"4, 2", "16, 4"})
    void thePointerMovesOnlyOnCommit(int servers, int services) {
        run(servers, services, "commit", (t, random) -> {
            Trio s = Trio.of(servers, 1, 1, 1);
            t.setServers(s.slots());
            for (int i = 0; i < 5; i++) assertEquals(OptionalInt.of(s.a()), t.step(SERVICE, Policy.WRR, false, 0, false));
            assertEquals(OptionalInt.of(s.a()), t.next(SERVICE, Policy.WRR));
            for (int i = 0; i < 5; i++) assertEquals(OptionalInt.of(s.b()), t.step(SERVICE, Policy.WRR, false, 0, false));
            assertEquals(List.of(s.b(), s.c(), s.a()), picks(t, 3, Policy.WRR));
        });
    }

    @ParameterizedTest(name = "{0} servers, {1} services")
    @CsvSource({"4, 2", "16, 4"})
    void theHashPicksTheFirstEligibleServerFromHashModNAndLeavesTheRoundRobinAlone(int servers, int services) {
        run(servers, services, "hash", (t, random) -> {
            Trio s = Trio.of(servers, 3, 1, 2);
            t.setServers(s.slots());
            assertEquals(List.of(s.a(), s.a()), picks(t, 2, Policy.WRR));
            List<Integer> hashes = new ArrayList<>(IntStream.range(0, 3 * servers).boxed().toList());
            for (int i = 0; i < 50; i++) hashes.add(random.nextInt(1 << 16));
            hashes.add(0xFFFF);
            for (int h : hashes) {
                int start = h % servers;
                int expected = start <= s.a() ? s.a() : start <= s.b() ? s.b() : s.c();
                assertEquals(OptionalInt.of(expected), t.step(SERVICE, Policy.WRR, true, h, true), "hash 0x" + Integer.toHexString(h));
            }
            assertEquals(List.of(s.a(), s.b(), s.c(), s.c(), s.a()), picks(t, 5, Policy.WRR), "the round-robin goes on where it was");
        });
    }

    @ParameterizedTest(name = "{0} servers, {1} services")
    @CsvSource({"4, 2", "16, 4"})
    void eachServiceKeepsItsOwnRoundRobin(int servers, int services) {
        run(servers, services, "services", (t, random) -> {
            List<ServerSlot> slots = new ArrayList<>();
            for (int i = 0; i < servers; i++) slots.add(ServerSlot.up(i % 2, 1));
            t.setServers(slots);
            List<Integer> zero = new ArrayList<>();
            List<Integer> one = new ArrayList<>();
            for (int i = 0; i < servers; i++) {
                zero.add(t.next(0, Policy.RR).orElse(-1));
                if (i % 2 == 0) one.add(t.next(1, Policy.RR).orElse(-1));
            }
            assertEquals(IntStream.range(0, servers).map(i -> 2 * i % servers).boxed().toList(), zero, "service 0");
            assertEquals(IntStream.range(0, servers / 2).map(i -> 2 * i + 1).boxed().toList(), one, "service 1");
        });
    }

    @ParameterizedTest(name = "{0} servers, {1} services")
    @CsvSource({"4, 2", "16, 4", "32, 16"})
    void randomTablesAndRequestsMatchTheModel(int servers, int services) {
        run(servers, services, "random", (t, random) -> {
            SchedulerModel model = new SchedulerModel(services);
            List<ServerSlot> slots = randomSlots(servers, services, random);
            t.setServers(slots);
            int picked = 0;
            for (int step = 0; step < 20_000; step++) {
                if (random.nextInt(200) == 0) {
                    slots = randomSlots(servers, services, random);
                    t.setServers(slots);
                }
                int service = random.nextInt(services);
                Policy policy = Policy.values()[random.nextInt(Policy.values().length)];
                boolean byHash = random.nextInt(5) == 0;
                int hash = random.nextInt(1 << 16);
                boolean commit = random.nextInt(4) != 0;
                // Few distinct counts, so ties and equal ratios come up often; now and then the largest count.
                List<Integer> connections = IntStream.range(0, servers)
                        .map(i -> random.nextInt(10) == 0 ? (1 << CONNECTION_BITS) - 1 : random.nextInt(4)).boxed().toList();
                int maglev = random.nextInt(servers);
                t.setConnections(connections);
                t.setMaglevServer(maglev);
                OptionalInt expected = model.pick(slots, service, policy, byHash, hash, commit, connections, maglev);
                assertEquals(expected, t.step(service, policy, byHash, hash, commit), "step " + step + ", service " + service
                        + ", " + policy + (byHash ? ", hash " + hash : "") + ", connections " + connections
                        + ", maglev " + maglev + ", slots " + slots);
                if (expected.isPresent()) picked++;
            }
            assertTrue(picked > 10_000, "requests that found a server: " + picked);
        });
    }

    /**
     * Least connections with the counts following the picks, as the flow table makes them when no connection leaves:
     * equal-weight servers never drift more than one apart, and the lowest slot wins each tie.
     */
    @ParameterizedTest(name = "{0} servers, {1} services")
    @CsvSource({"4, 2", "16, 4", "32, 16"})
    void leastConnectionsKeepsEqualWeightServersWithinOne(int servers, int services) {
        run(servers, services, "lc", (t, random) -> {
            List<ServerSlot> slots = new ArrayList<>(Collections.nCopies(servers, ServerSlot.EMPTY));
            List<Integer> members = IntStream.range(0, servers).filter(i -> i % 3 != 1).boxed().toList();
            for (int m : members) slots.set(m, ServerSlot.up(SERVICE, 1 + random.nextInt(9)));
            t.setServers(slots);
            int[] conns = new int[servers];
            // Servers that already hold connections (as after a pool change) are caught up with before any other.
            conns[members.get(members.size() - 1)] = 3;
            for (int i = 0; i < 20 * servers; i++) {
                t.setConnections(IntStream.of(conns).boxed().toList());
                int picked = t.next(SERVICE, Policy.LC).orElseThrow();
                int least = members.stream().mapToInt(m -> conns[m]).min().orElseThrow();
                assertEquals(least, conns[picked], "pick " + i + " took a server above the fewest");
                int firstLeast = members.stream().filter(m -> conns[m] == least).findFirst().orElseThrow();
                assertEquals(firstLeast, picked, "pick " + i + ": ties go to the lowest slot");
                conns[picked]++;
                if (i >= 3 * servers) {
                    int most = members.stream().mapToInt(m -> conns[m]).max().orElseThrow();
                    int fewest = members.stream().mapToInt(m -> conns[m]).min().orElseThrow();
                    assertTrue(most - fewest <= 1, "after pick " + i + ": " + most + " vs " + fewest);
                }
            }
        });
    }

    /** Weighted least connections with counts that follow the picks: each server's share is its weight's. */
    @ParameterizedTest(name = "{0} servers, {1} services")
    @CsvSource({"4, 2", "16, 4", "32, 16"})
    void weightedLeastConnectionsSharesByWeight(int servers, int services) {
        run(servers, services, "wlc", (t, random) -> {
            Trio s = Trio.of(servers, 3, 1, 2);
            t.setServers(s.slots());
            int[] conns = new int[servers];
            for (int i = 0; i < 600; i++) {
                t.setConnections(IntStream.of(conns).boxed().toList());
                conns[t.next(SERVICE, Policy.WLC).orElseThrow()]++;
            }
            assertEquals(List.of(300, 100, 200), List.of(conns[s.a()], conns[s.b()], conns[s.c()]));
            // 3:1 against 1:0 weighs 3 x 0 against 1 x 1: the one with no connections per weight wins.
            conns[s.a()] = 3;
            conns[s.b()] = 0;
            conns[s.c()] = 65;
            t.setConnections(IntStream.of(conns).boxed().toList());
            assertEquals(OptionalInt.of(s.b()), t.step(SERVICE, Policy.WLC, false, 0, false));
            conns[s.b()] = 2;
            t.setConnections(IntStream.of(conns).boxed().toList());
            assertEquals(OptionalInt.of(s.a()), t.step(SERVICE, Policy.WLC, false, 0, false), "1/3 < 2/1 < 65/2");
        });
    }

    /** mh: the Maglev entry's server when eligible, else the next eligible slot after it; the hash path the same. */
    @ParameterizedTest(name = "{0} servers, {1} services")
    @CsvSource({"4, 2", "16, 4", "32, 16"})
    void maglevTakesTheEntrysServerOrTheNextEligibleOne(int servers, int services) {
        run(servers, services, "mh", (t, random) -> {
            Trio s = Trio.of(servers, 3, 1, 2);
            t.setServers(s.slots());
            for (int entry = 0; entry < servers; entry++) {
                t.setMaglevServer(entry);
                int expected = entry == s.a() ? s.a() : entry <= s.b() ? s.b() : s.c();
                for (boolean byHash : new boolean[] {false, true}) {
                    assertEquals(OptionalInt.of(expected), t.step(SERVICE, Policy.MH, byHash, random.nextInt(1 << 16), true),
                            "entry " + entry + (byHash ? ", by hash" : ""));
                }
            }
            assertEquals(List.of(s.a(), s.a(), s.a(), s.b()), picks(t, 4, Policy.WRR), "mh picks leave the round-robin alone");
        });
    }

    private static List<ServerSlot> randomSlots(int servers, int services, Random random) {
        List<ServerSlot> slots = new ArrayList<>();
        for (int i = 0; i < servers; i++) {
            int state = random.nextInt(5) == 0 ? random.nextInt(4) : ServerState.UP.code();
            int weight = random.nextInt(10) == 0 ? 0xFFFF : random.nextInt(5);
            slots.add(new ServerSlot(random.nextInt(8) != 0, random.nextInt(services), state, weight));
        }
        return slots;
    }
}
