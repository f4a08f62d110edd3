package flowswitch.hdl.decision;

import static flowswitch.hdl.dsl.HwComponent.build;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.hdl.decision.FlowTableDriver.Write;
import flowswitch.hdl.simtest.SimModels;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import spinal.core.sim.SimCompiled;

/** The flow table CAM under Verilator with 16 and 64 entries and the key of a 4-service switch. */
class FlowTableSimTest {
    private static final int SERVICE_BITS = 2;
    private static final int VALUE_BITS = 4;

    private static FlowTableConfig config(int entries) {
        return new FlowTableConfig(entries, FlowKey.layout(SERVICE_BITS).width(), VALUE_BITS);
    }

    private static void run(int entries, String test, BiConsumer<FlowTableDriver, Random> body) {
        SimCompiled<FlowTable> model = SimModels.get("FlowTable_e" + entries, () -> build(new FlowTable(config(entries))));
        int seed = test.hashCode() ^ entries;
        SimModels.run(model, test, seed, dut -> body.accept(new FlowTableDriver(dut), new Random(seed)));
    }

    private static BigInteger randomKey(Random random) {
        return new BigInteger(FlowKey.layout(SERVICE_BITS).width(), random);
    }

    private static long randomValue(Random random) {
        return random.nextInt(1 << VALUE_BITS);
    }

    @ParameterizedTest(name = "{0} entries")
    @ValueSource(ints = {16, 64})
    void anEmptyTableMissesEveryKeyAndOffersEntryZero(int entries) {
        run(entries, "empty", (t, random) -> {
            FlowLookup empty = FlowLookup.of(false, 0, 0, true, 0, 0);
            assertEquals(empty, t.look(BigInteger.ZERO), "the all-zero key");
            for (int i = 0; i < 50; i++) assertEquals(empty, t.look(randomKey(random)));
        });
    }

    @ParameterizedTest(name = "{0} entries")
    @ValueSource(ints = {16, 64})
    void writesInAnyOrderLeaveTheLowestHoleFreeUntilFull(int entries) {
        run(entries, "fill", (t, random) -> {
            List<Integer> order = new ArrayList<>(IntStream.range(0, entries).boxed().toList());
            Collections.shuffle(order, random);
            FlowTableModel model = new FlowTableModel(entries);
            List<BigInteger> keys = new ArrayList<>();
            for (int index : order) {
                BigInteger key = randomKey(random);
                long value = randomValue(random);
                t.step(BigInteger.ZERO, new Write(index, key, value), false);
                model.write(index, key, value);
                keys.add(key);
                FlowLookup after = t.look(key);
                assertEquals(model.lookup(key), after);
                assertEquals(index, after.hitIndex());
            }
            FlowLookup full = t.look(keys.get(0));
            assertEquals(false, full.freeAvailable());
            assertEquals(entries, full.occupancy());
            for (BigInteger key : keys) assertEquals(model.lookup(key), t.look(key));
        });
    }

    @ParameterizedTest(name = "{0} entries")
    @ValueSource(ints = {16, 64})
    void everyKeyBitTakesPartInTheMatch(int entries) {
        run(entries, "key_bits", (t, random) -> {
            BigInteger key = randomKey(random);
            int index = entries - 1;
            t.step(BigInteger.ZERO, new Write(index, key, 9), false);
            assertEquals(FlowLookup.of(true, index, 9, true, 0, 1), t.look(key));
            FlowLookup miss = FlowLookup.of(false, 0, 0, true, 0, 1);
            for (int bit = 0; bit < FlowKey.layout(SERVICE_BITS).width(); bit++) {
                assertEquals(miss, t.look(key.flipBit(bit)), "key with bit " + bit + " flipped");
            }
        });
    }

    @ParameterizedTest(name = "{0} entries")
    @ValueSource(ints = {16, 64})
    void aLookupInTheCycleOfAWriteSeesTheTableBeforeIt(int entries) {
        run(entries, "write_while_lookup", (t, random) -> {
            BigInteger key = randomKey(random);
            assertEquals(FlowLookup.of(false, 0, 0, true, 0, 0), t.step(key, new Write(0, key, 5), false), "in the write cycle");
            assertEquals(FlowLookup.of(true, 0, 5, true, 1, 1), t.look(key), "one cycle later");
            assertEquals(FlowLookup.of(true, 0, 5, true, 1, 1), t.step(key, new Write(0, key, 12), false), "while the value changes");
            assertEquals(FlowLookup.of(true, 0, 12, true, 1, 1), t.look(key));
            BigInteger other = randomKey(random);
            assertEquals(FlowLookup.of(true, 0, 12, true, 1, 1), t.step(key, new Write(0, other, 3), false), "while the key is replaced");
            assertEquals(FlowLookup.of(false, 0, 0, true, 1, 1), t.look(key));
            assertEquals(FlowLookup.of(true, 0, 3, true, 1, 1), t.look(other));
        });
    }

    @ParameterizedTest(name = "{0} entries")
    @ValueSource(ints = {16, 64})
    void flushEmptiesTheTable(int entries) {
        run(entries, "flush", (t, random) -> {
            List<BigInteger> keys = new ArrayList<>();
            for (int i = 0; i < entries; i += 2) {
                BigInteger key = randomKey(random);
                keys.add(key);
                t.step(BigInteger.ZERO, new Write(i, key, randomValue(random)), false);
            }
            FlowLookup before = t.step(keys.get(1), null, true);
            assertEquals(true, before.hit(), "the flush cycle still sees the old table");
            assertEquals(entries / 2, before.occupancy());
            for (BigInteger key : keys) assertEquals(FlowLookup.of(false, 0, 0, true, 0, 0), t.look(key));
        });
    }

    @ParameterizedTest(name = "{0} entries")
    @ValueSource(ints = {16, 64})
    void randomLookupsWritesAndFlushesMatchTheModel(int entries) {
        run(entries, "random", (t, random) -> {
            FlowTableModel model = new FlowTableModel(entries);
            List<BigInteger> pool = new ArrayList<>();
            for (int i = 0; i < 3 * entries; i++) pool.add(randomKey(random));
            int hits = 0;
            for (int step = 0; step < 20_000; step++) {
                BigInteger key = pool.get(random.nextInt(pool.size()));
                if (random.nextInt(4) == 0) key = key.flipBit(random.nextInt(FlowKey.layout(SERVICE_BITS).width()));
                boolean flush = random.nextInt(500) == 0;
                Write write = null;
                if (!flush && random.nextInt(3) == 0) {
                    BigInteger newKey = pool.get(random.nextInt(pool.size()));
                    int at = model.indexOf(newKey);
                    int index = at >= 0 ? at : random.nextBoolean() ? random.nextInt(entries) : Math.max(0, model.lookup(newKey).freeIndex());
                    write = new Write(index, newKey, randomValue(random));
                }
                FlowLookup expected = model.lookup(key);
                assertEquals(expected, t.step(key, write, flush), "step " + step);
                if (expected.hit()) hits++;
                if (flush) model.flush();
                if (write != null) model.write(write.index(), write.key(), write.value());
            }
            assertTrue(hits > 2_000, "lookups that hit: " + hits);
        });
    }
}
