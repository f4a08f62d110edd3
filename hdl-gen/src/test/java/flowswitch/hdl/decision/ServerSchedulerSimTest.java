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

/** The server scheduler under Verilator: 4 server slots and 2 services, 16 server slots and 4 services. */
class ServerSchedulerSimTest {
    private static final int SERVICE = 1;

    private static void run(int servers, int services, String test, BiConsumer<SchedulerDriver, Random> body) {
        SimCompiled<ServerScheduler> model = SimModels.get("ServerScheduler_s" + servers + "_v" + services,
                () -> build(new ServerScheduler(new SchedulerConfig(servers, services))));
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
                        if (i > 0) assertTrue(!got.get(i).equals(got.get(i - 1)), kind + ", " + policy + ": no alternation in " + got);
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
    @CsvSource({"4, 2", "16, 4"})
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
                Policy policy = Policy.values()[random.nextInt(2)];
                boolean byHash = random.nextInt(5) == 0;
                int hash = random.nextInt(1 << 16);
                boolean commit = random.nextInt(4) != 0;
                OptionalInt expected = model.pick(slots, service, policy, byHash, hash, commit);
                assertEquals(expected, t.step(service, policy, byHash, hash, commit), "step " + step + ", service " + service
                        + ", " + policy + (byHash ? ", hash " + hash : "") + ", slots " + slots);
                if (expected.isPresent()) picked++;
            }
            assertTrue(picked > 10_000, "requests that found a server: " + picked);
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
