package flowswitch.hdl.decision;

import static flowswitch.hdl.dsl.HwComponent.build;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.hdl.simtest.SimClock;
import flowswitch.hdl.simtest.SimModels;
import flowswitch.hdl.simtest.Signals;
import flowswitch.hdl.tables.RouterEntry;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import spinal.core.sim.SimCompiled;

/** The router failover lookup under Verilator, for 1, 4 and 16 router slots, against docs/datapath.md's rule. */
class RouterFailoverSimTest {
    private static final long MAC_BASE = 0x0252_0000_0900L;

    record Router(boolean valid, long mac, boolean up) {
        BigInteger pack() {
            return RouterEntry.LAYOUT.pack(Map.of("valid", valid ? 1L : 0L, "mac", mac, "up", up ? 1L : 0L));
        }
    }

    /** What the lookup says about one frame: -1 for "none" in the index fields. */
    record Answer(int down, int pick) {}

    private static final class Driver {
        final RouterFailover dut;
        final SimClock clock;
        final int slots;

        Driver(RouterFailover dut, int slots) {
            this.dut = dut;
            this.slots = slots;
            clock = SimClock.start(dut);
        }

        void set(List<Router> table) {
            for (int r = 0; r < slots; r++) Signals.write(dut.routers.apply(r), table.get(r).pack());
        }

        Answer ask(long dstMac, int hash) {
            Signals.write(dut.dstMac, dstMac);
            Signals.write(dut.hash, hash);
            clock.run(1);
            int down = Signals.read(dut.toDownRouter) ? (int) Signals.readLong(dut.downIndex) : -1;
            int pick = Signals.read(dut.available) ? (int) Signals.readLong(dut.pick) : -1;
            if (pick >= 0) {
                assertEquals(routerMac(pick), Signals.readLong(dut.pickMac), "pickMac is the picked slot's MAC");
            }
            return new Answer(down, pick);
        }

        // The table's MACs are MAC_BASE + slot, so the picked MAC names its slot.
        long routerMac(int slot) {
            return MAC_BASE + slot;
        }
    }

    private static void run(int slots, String test, java.util.function.Consumer<Driver> body) {
        SimCompiled<RouterFailover> model = SimModels.get("RouterFailover_" + slots,
                () -> build(new RouterFailover(new RouterFailoverConfig(slots))));
        SimModels.run(model, test, test.hashCode(), dut -> body.accept(new Driver(dut, slots)));
    }

    /** docs/datapath.md "Router failover". */
    static Answer expected(List<Router> table, long dstMac, int hash) {
        int slots = table.size();
        int down = -1;
        for (int r = 0; r < slots && down < 0; r++) {
            Router e = table.get(r);
            if (e.valid() && !e.up() && e.mac() == dstMac) down = r;
        }
        int pick = -1;
        for (int i = 0; i < slots && pick < 0; i++) {
            int r = (hash % slots + i) % slots;
            if (table.get(r).valid() && table.get(r).up()) pick = r;
        }
        return new Answer(down, pick);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 16})
    void randomTablesFollowTheRule(int slots) {
        run(slots, "random", t -> {
            Random random = new Random(slots);
            int failovers = 0;
            int noRouter = 0;
            for (int table = 0; table < 200; table++) {
                List<Router> routers = new ArrayList<>();
                // Every tenth table has no router up.
                for (int r = 0; r < slots; r++) {
                    routers.add(new Router(random.nextInt(5) != 0, t.routerMac(r), table % 10 != 0 && random.nextBoolean()));
                }
                t.set(routers);
                for (int frame = 0; frame < 20; frame++) {
                    long dst = random.nextInt(4) == 0 ? random.nextLong() & 0xFFFF_FFFF_FFFFL
                            : t.routerMac(random.nextInt(slots));
                    int hash = random.nextInt(1 << 16);
                    Answer want = expected(routers, dst, hash);
                    assertEquals(want, t.ask(dst, hash), "table " + routers + ", dst " + Long.toHexString(dst)
                            + ", hash " + hash);
                    if (want.down() >= 0) {
                        if (want.pick() >= 0) failovers++;
                        else noRouter++;
                    }
                }
            }
            // One slot cannot be down and up at once: its frames have no router to fail over to.
            if (slots > 1) assertTrue(failovers > 100, "frames failed over: " + failovers);
            assertTrue(noRouter > 0, "frames with no live router: " + noRouter);
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 16})
    void connectionsSpreadOverTheLiveRoutersAndStayPut(int slots) {
        run(slots, "spread", t -> {
            List<Router> routers = new ArrayList<>();
            for (int r = 0; r < slots; r++) routers.add(new Router(true, t.routerMac(r), r != 0));
            t.set(routers);
            Set<Integer> used = new HashSet<>();
            for (int hash = 0; hash < 4 * slots; hash++) {
                int pick = t.ask(t.routerMac(0), hash).pick();
                assertEquals(pick, t.ask(t.routerMac(0), hash).pick(), "the same hash, the same router");
                used.add(pick);
            }
            assertEquals(slots - 1, used.size(), "every live router takes some hashes: " + used);
        });
    }
}
