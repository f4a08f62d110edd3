package flowswitch.hdl.health;

import static flowswitch.hdl.dsl.HwComponent.build;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.hdl.simtest.SimClock;
import flowswitch.hdl.simtest.SimModels;
import flowswitch.hdl.simtest.Signals;
import java.math.BigInteger;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import spinal.core.sim.SimCompiled;

/**
 * Passive health under Verilator against docs/datapath.md "Passive health", cycle by cycle: random SYNs and
 * SYN-ACKs per server, windows and thresholds changed as it runs, narrow counts that saturate.
 */
class PassiveHealthSimTest {

    static Stream<Arguments> sizes() {
        return Stream.of(Arguments.of(1, 16), Arguments.of(4, 3), Arguments.of(16, 16), Arguments.of(40, 5));
    }

    /** The rule, one clock at a time. */
    private static final class Model {
        final int servers;
        final int max;
        final int[] syns;
        final int[] acks;
        final boolean[] flags;
        long clock;

        Model(int servers, int countBits) {
            this.servers = servers;
            this.max = (1 << countBits) - 1;
            syns = new int[servers];
            acks = new int[servers];
            flags = new boolean[servers];
        }

        /** The suspect pulses of this clock, then its edge. */
        boolean[] step(long window, int threshold, boolean[] syn, boolean[] ack) {
            boolean end = window != 0 && clock + 1 >= window;
            boolean[] pulses = new boolean[servers];
            for (int s = 0; s < servers; s++) {
                int nextSyns = Math.min(max, syns[s] + (syn[s] ? 1 : 0));
                int nextAcks = Math.min(max, acks[s] + (ack[s] ? 1 : 0));
                boolean over = nextSyns > nextAcks + threshold;
                pulses[s] = end && over;
                if (end) {
                    flags[s] = over;
                }
                syns[s] = end ? 0 : nextSyns;
                acks[s] = end ? 0 : nextAcks;
            }
            clock = end || window == 0 ? 0 : clock + 1;
            return pulses;
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void followsTheRuleClockByClock(int servers, int countBits) {
        SimCompiled<PassiveHealth> compiled = SimModels.get("PassiveHealth_" + servers + "_" + countBits,
                () -> build(new PassiveHealth(new PassiveHealthConfig(servers, countBits))));
        SimModels.run(compiled, "rule", servers * 31 + countBits, dut -> {
            Random random = new Random(servers * 1000L + countBits);
            Model model = new Model(servers, countBits);
            long[] window = {0};
            int[] threshold = {0};
            boolean[][] inputs = {new boolean[servers], new boolean[servers]};
            int[] pulses = {0};
            Signals.write(dut.cfgWindow, 0);
            Signals.write(dut.cfgThreshold, 0);
            Signals.write(dut.syn, 0);
            Signals.write(dut.synAck, 0);
            SimClock clock = SimClock.start(dut);
            clock.onEachCycle(() -> {
                boolean[] held = model.flags.clone();
                boolean[] want = model.step(window[0], threshold[0], inputs[0], inputs[1]);
                BigInteger flags = Signals.read(dut.suspect);
                for (int s = 0; s < servers; s++) {
                    assertEquals(want[s], Signals.read(dut.statSuspect.get(s)), "pulse of server " + s + " at clock "
                            + clock.cycle());
                    assertEquals(held[s], flags.testBit(s), "flag of server " + s + " at clock " + clock.cycle());
                    if (want[s]) pulses[0]++;
                }
                // A new setting every 2000 clocks; each server's SYNs outnumber its SYN-ACKs by its own margin.
                if (clock.cycle() % 2000 == 0) {
                    window[0] = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(120);
                    threshold[0] = random.nextInt(Math.min(8, model.max));
                    Signals.write(dut.cfgWindow, window[0]);
                    Signals.write(dut.cfgThreshold, threshold[0]);
                }
                BigInteger syn = BigInteger.ZERO;
                BigInteger ack = BigInteger.ZERO;
                for (int s = 0; s < servers; s++) {
                    double answered = (s % 4) / 4.0;
                    inputs[0][s] = random.nextDouble() < 0.5;
                    inputs[1][s] = inputs[0][s] && random.nextDouble() < answered + 0.2;
                    if (inputs[0][s]) syn = syn.setBit(s);
                    if (inputs[1][s]) ack = ack.setBit(s);
                }
                Signals.write(dut.syn, syn);
                Signals.write(dut.synAck, ack);
            });
            clock.run(20_000);
            assertTrue(pulses[0] > 10, "suspect pulses: " + pulses[0]);
        });
    }
}
