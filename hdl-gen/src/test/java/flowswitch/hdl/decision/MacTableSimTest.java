package flowswitch.hdl.decision;

import static flowswitch.hdl.dsl.HwComponent.build;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.hdl.decision.MacTableDriver.Learn;
import flowswitch.hdl.simtest.SimModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import spinal.core.sim.SimCompiled;

/** The learning bridge's MAC table under Verilator: 4 entries on a 3-port switch, 16 entries on a 16-port one. */
class MacTableSimTest {
    private static void run(int entries, int ports, String test, BiConsumer<MacTableDriver, Random> body) {
        SimCompiled<MacTable> model = SimModels.get("MacTable_e" + entries + "_p" + ports,
                () -> build(new MacTable(new MacTableConfig(entries, ports))));
        int seed = test.hashCode() ^ entries;
        SimModels.run(model, test, seed, dut -> body.accept(new MacTableDriver(dut), new Random(seed)));
    }

    /** Distinct addresses that share all but one octet, so that a match on part of the address shows. */
    private static long mac(int i) {
        return 0x02a1_b2c3_d400L + i;
    }

    @ParameterizedTest(name = "{0} entries, {1} ports")
    @CsvSource({"4, 3", "16, 16"})
    void aLearnedAddressIsKnownOnItsPortAndMovesWithoutTakingAnotherEntry(int entries, int ports) {
        run(entries, ports, "learn_move", (t, random) -> {
            long a = 0x0a1b_2c3d_4e5fL;
            assertEquals(MacLookup.of(false, 0, 0), t.look(a));
            assertEquals(MacLookup.of(false, 0, 0), t.step(a, new Learn(a, ports - 1)), "the lookup sees the table before the learn");
            assertEquals(MacLookup.of(true, ports - 1, 1), t.look(a));
            for (int bit = 0; bit < 48; bit++) assertEquals(MacLookup.of(false, 0, 1), t.look(a ^ 1L << bit), "bit " + bit + " flipped");
            t.learn(a, 1);
            assertEquals(MacLookup.of(true, 1, 1), t.look(a), "moved, still one entry");
            t.learn(a, 1);
            assertEquals(MacLookup.of(true, 1, 1), t.look(a), "learned again on the same port");
        });
    }

    @ParameterizedTest(name = "{0} entries, {1} ports")
    @CsvSource({"4, 3", "16, 16"})
    void whenFullNewAddressesReplaceEntriesInTurnAndMovesDoNotAdvanceTheTurn(int entries, int ports) {
        run(entries, ports, "victim", (t, random) -> {
            for (int i = 0; i < entries; i++) {
                t.learn(mac(i), i % ports);
                assertEquals(i + 1, t.look(mac(i)).occupancy(), "one entry per new address while entries are free");
            }
            for (int i = 0; i < entries; i++) assertEquals(MacLookup.of(true, i % ports, entries), t.look(mac(i)));
            // Each new address replaces the oldest entry: entry 0, 1, ... (the order they were filled), then round again.
            List<Long> resident = new ArrayList<>();
            for (int i = 0; i < entries; i++) resident.add(mac(i));
            for (int k = 0; k < 2 * entries + 1; k++) {
                long fresh = mac(100 + k);
                if (k == entries / 2) {
                    long moved = resident.get(entries - 1);
                    t.learn(moved, (k + 1) % ports);
                    assertEquals(MacLookup.of(true, (k + 1) % ports, entries), t.look(moved), "a move when full evicts nothing");
                }
                t.learn(fresh, k % ports);
                long evicted = resident.set(k % entries, fresh);
                assertEquals(MacLookup.of(false, 0, entries), t.look(evicted), "new address " + k + " evicts entry " + k % entries);
                for (long m : resident) assertTrue(t.look(m).known(), "resident address " + Long.toHexString(m) + " after new address " + k);
            }
        });
    }

    @ParameterizedTest(name = "{0} entries, {1} ports")
    @CsvSource({"4, 3", "16, 16"})
    void randomLearnsAndLookupsMatchTheModel(int entries, int ports) {
        run(entries, ports, "random", (t, random) -> {
            MacTableModel model = new MacTableModel(entries);
            int known = 0;
            for (int step = 0; step < 20_000; step++) {
                long lookup = mac(random.nextInt(2 * entries));
                Learn learn = random.nextBoolean() ? new Learn(mac(random.nextInt(2 * entries)), random.nextInt(ports)) : null;
                MacLookup expected = model.lookup(lookup);
                assertEquals(expected, t.step(lookup, learn), "step " + step);
                if (expected.known()) known++;
                if (learn != null) model.learn(learn.mac(), learn.port());
            }
            assertTrue(known > 5000, "lookups of a known address: " + known);
        });
    }
}
