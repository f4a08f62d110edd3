package flowswitch.hdl.control.axil;

import static flowswitch.hdl.dsl.HwComponent.build;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.hdl.control.sim.AxiLiteMaster;
import flowswitch.hdl.control.sim.AxiLiteMemory;
import flowswitch.hdl.simtest.SimClock;
import flowswitch.hdl.simtest.SimModels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import spinal.core.sim.SimCompiled;

/** Two simulated masters against a memory model behind the arbiter (one Verilator build for the class). */
class AxiLiteArbiterTest {
    /** Master 0 owns words 0x000..0x0FC, master 1 words 0x100..0x1FC; bit 7 set answers SLVERR. */
    private static final int SPAN = 0x100;
    private static final int ERROR_BIT = 0x80;

    private static SimCompiled<AxiLiteArbiter> compiled;

    @BeforeAll
    static void compile() {
        compiled = SimModels.get("AxiLiteArbiter", () -> build(new AxiLiteArbiter()));
    }

    @Test
    void simultaneousWritersAreServedInTurn() {
        SimModels.run(compiled, "round_robin", 1, dut -> {
            SimClock clock = SimClock.start(dut);
            AxiLiteMemory memory = new AxiLiteMemory(clock, dut.mAxil, new Random(1), 100, 0, a -> false);
            AxiLiteMaster m0 = new AxiLiteMaster(clock, dut.s0Axil);
            AxiLiteMaster m1 = new AxiLiteMaster(clock, dut.s1Axil);
            for (int i = 0; i < 16; i++) {
                m0.write(4 * i, i);
                m1.write(SPAN + 4 * i, i);
            }
            clock.runUntil(() -> m0.idle() && m1.idle(), 2000, () -> "32 writes");
            List<Integer> owners = memory.writeOrder().stream().map(a -> a / SPAN).toList();
            assertEquals(32, owners.size());
            for (int i = 1; i < owners.size(); i++) {
                assertTrue(!owners.get(i).equals(owners.get(i - 1)), "grant " + i + " went to master " + owners.get(i)
                        + " twice in a row while the other waited: " + owners);
            }
            assertEquals(List.of(), memory.violations());
        });
    }

    @Test
    void randomTrafficFromBothMastersReachesTheRightWordsAndAnswers() {
        SimModels.run(compiled, "random_traffic", 2, dut -> {
            Random random = new Random(2);
            SimClock clock = SimClock.start(dut);
            AxiLiteMemory memory = new AxiLiteMemory(clock, dut.mAxil, new Random(3), 60, 3, a -> (a & ERROR_BIT) != 0);
            List<AxiLiteMaster> masters = List.of(new AxiLiteMaster(clock, dut.s0Axil, new Random(4), 3, 70),
                    new AxiLiteMaster(clock, dut.s1Axil, new Random(5), 3, 70));
            List<Map<Integer, Long>> expected = List.of(new HashMap<>(), new HashMap<>());
            List<List<Check>> checks = List.of(new ArrayList<>(), new ArrayList<>());
            for (int i = 0; i < 150; i++) {
                for (int m = 0; m < 2; m++) {
                    int address = m * SPAN + 4 * random.nextInt(SPAN / 4);
                    boolean fails = (address & ERROR_BIT) != 0;
                    if (random.nextBoolean()) {
                        long value = random.nextInt() & 0xFFFF_FFFFL;
                        checks.get(m).add(new Check(masters.get(m).write(address, value), fails, 0));
                        if (!fails) expected.get(m).put(address, value);
                    } else {
                        checks.get(m).add(new Check(masters.get(m).read(address), fails,
                                fails ? 0 : expected.get(m).getOrDefault(address, 0L)));
                    }
                }
            }
            clock.runUntil(() -> masters.get(0).idle() && masters.get(1).idle(), 40_000, () -> "300 transactions");
            for (int m = 0; m < 2; m++) {
                for (Check c : checks.get(m)) {
                    assertEquals(c.fails ? 2 : 0, c.op.resp(), "master " + m + " " + c.op + ": response code");
                    if (!c.op.isWrite()) {
                        assertEquals(c.value, c.op.readData(), "master " + m + " " + c.op + ": data");
                    }
                }
            }
            assertEquals(List.of(), memory.violations());
        });
    }

    private record Check(AxiLiteMaster.Op op, boolean fails, long value) {}
}
