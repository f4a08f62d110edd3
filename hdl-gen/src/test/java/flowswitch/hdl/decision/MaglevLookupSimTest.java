package flowswitch.hdl.decision;

import static flowswitch.hdl.dsl.HwComponent.build;
import static org.junit.jupiter.api.Assertions.assertEquals;

import flowswitch.hdl.flowtable.FlowKey;
import flowswitch.hdl.flowtable.WayHash;
import flowswitch.hdl.simtest.SimClock;
import flowswitch.hdl.simtest.SimModels;
import flowswitch.hdl.simtest.Signals;
import java.math.BigInteger;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import spinal.core.sim.SimCompiled;

/**
 * The Maglev tables under Verilator: 4 server slots and 1 service in 101 entries (32 per write), 16 and 4 in 1601
 * (8 per write), 256 and 3 in 25601 (4 per write). Lookups run every cycle while the host loads, against tables kept
 * in software and the documented index {@code (H × M) >> 32}.
 */
class MaglevLookupSimTest {
    private static void run(MaglevLookupConfig cfg, String test, BiConsumer<Bench, Random> body) {
        SimCompiled<MaglevLookup> model = SimModels.get("MaglevLookup_s" + cfg.servers() + "_v" + cfg.services() + "_m"
                + cfg.tableSize(), () -> build(new MaglevLookup(cfg)));
        int seed = test.hashCode() ^ cfg.tableSize();
        SimModels.run(model, test, seed, dut -> body.accept(new Bench(dut, cfg, new Random(seed)), new Random(seed)));
    }

    /** Drives one lookup per cycle (a random key, or none) beside whatever the host does that cycle. */
    private static final class Bench {
        final MaglevLookup dut;
        final MaglevLookupConfig cfg;
        final Random random;
        final SimClock clock;
        final WayHash hash;
        /** Per service, what lookups must see: the committed table, or null before the first commit. */
        final int[][] committed;
        int checked;
        private int pendingExpected = -1;
        private String pendingWhat = "";

        Bench(MaglevLookup dut, MaglevLookupConfig cfg, Random random) {
            this.dut = dut;
            this.cfg = cfg;
            this.random = random;
            this.hash = WayHash.maglev(cfg.keyWidth());
            this.committed = new int[cfg.services()][];
            Signals.write(dut.lookupIssue, false);
            Signals.write(dut.lookupKey, 0);
            Signals.write(dut.hostLoad, false);
            Signals.write(dut.hostService, 0);
            Signals.write(dut.hostRow, 0);
            Signals.write(dut.hostWrite, false);
            Signals.write(dut.hostData, 0);
            Signals.write(dut.hostCommit, false);
            clock = SimClock.start(dut);
        }

        /** One cycle: a lookup of a random key with probability 3/4, checked in the next cycle. */
        void cycle() {
            int service = random.nextInt(cfg.services());
            cycle(random.nextInt(4) != 0, service, key(service, random.nextLong() & 0xFFFFFFFFL, random.nextInt(1 << 16),
                    random.nextInt(1 << 16), random.nextBoolean() ? 6 : 17));
        }

        /**
         * One cycle, looking {@code key} up if {@code issue}. The RAM answers in the next cycle, so this checks the
         * previous cycle's lookup (against the table committed when it was issued) and returns what it read, or -1.
         */
        int cycle(boolean issue, int service, BigInteger key) {
            Signals.write(dut.lookupIssue, issue);
            Signals.write(dut.lookupKey, key);
            clock.run(1);
            Signals.write(dut.hostLoad, false);
            Signals.write(dut.hostWrite, false);
            Signals.write(dut.hostCommit, false);
            int got = -1;
            if (pendingExpected >= 0) {
                got = (int) Signals.readLong(dut.server);
                assertEquals(pendingExpected, got, pendingWhat);
                checked++;
            }
            pendingExpected = issue ? expected(service, key) : -1;
            pendingWhat = "service " + service + ", key " + key.toString(16);
            return got;
        }

        /** A lookup of {@code key} on its own: the server slot the RTL read. */
        int lookup(int service, BigInteger key) {
            cycle(true, service, key);
            return cycle(false, 0, BigInteger.ZERO);
        }

        BigInteger key(int service, long clientIp, int clientPort, int vipPort, int proto) {
            return FlowKey.layout(cfg.serviceBits()).pack(Map.of("service", (long) service, "src_ip", clientIp,
                    "src_port", (long) clientPort, "dst_port", (long) vipPort, "proto", (long) proto));
        }

        int expected(int service, BigInteger key) {
            long h = Integer.toUnsignedLong(hash.row(key));
            int index = (int) ((h * cfg.tableSize()) >>> 32);
            return committed[service] == null ? 0 : committed[service][index];
        }

        /** Loads {@code table} into the staged copy of {@code service} with lookups in between, then commits it. */
        void load(int service, int[] table) {
            Signals.write(dut.hostService, service);
            Signals.write(dut.hostRow, 0);
            Signals.write(dut.hostLoad, true);
            cycle();
            int per = cfg.entriesPerRow();
            for (int row = 0; row < cfg.rows(); row++) {
                long word = 0;
                for (int k = 0; k < per && row * per + k < table.length; k++) {
                    word |= (long) table[row * per + k] << (k * cfg.entryBits());
                }
                Signals.write(dut.hostData, word);
                Signals.write(dut.hostWrite, true);
                cycle();
                for (int gap = random.nextInt(3); gap > 0; gap--) cycle();
            }
            Signals.write(dut.hostCommit, true);
            // A lookup in the cycle of the commit still reads the old table; the next ones the new.
            cycle();
            committed[service] = table;
        }

        int[] randomTable() {
            int[] table = new int[cfg.tableSize()];
            for (int i = 0; i < table.length; i++) table[i] = random.nextInt(cfg.servers());
            return table;
        }
    }

    @ParameterizedTest(name = "{0} servers, {1} services, {2} entries")
    @CsvSource({"4, 1, 101", "16, 4, 1601", "256, 3, 25601"})
    void lookupsSeeTheCommittedTableWholeWhileTheNextOneLoads(int servers, int services, int size) {
        run(new MaglevLookupConfig(servers, services, size), "tables", (b, random) -> {
            for (int i = 0; i < 200; i++) b.cycle();
            for (int round = 0; round < 3; round++) {
                for (int s = 0; s < services; s++) b.load(s, b.randomTable());
            }
            for (int i = 0; i < 2000; i++) b.cycle();
            assertEquals(true, b.checked > 1000, "lookups checked: " + b.checked);
        });
    }

    @ParameterizedTest(name = "{0} servers, {1} services, {2} entries")
    @CsvSource({"4, 1, 101", "16, 4, 1601"})
    void sequentialClientsSpreadEvenlyOverTheEntries(int servers, int services, int size) {
        run(new MaglevLookupConfig(servers, services, size), "spread", (b, random) -> {
            // Entry i names server i mod servers: each server owns the same number of entries, within one.
            int[] table = new int[size];
            for (int i = 0; i < size; i++) table[i] = i % servers;
            b.load(0, table);
            int[] hits = new int[servers];
            int keys = 20_000;
            for (int i = 0; i < keys; i++) hits[b.lookup(0, b.key(0, 0x0A000000L + i / 4, 1024 + i, 80, 6))]++;
            for (int s = 0; s < servers; s++) {
                double share = hits[s] / (double) keys;
                assertEquals(1.0 / servers, share, 0.01, "server " + s + " of sequential clients");
            }
        });
    }
}
