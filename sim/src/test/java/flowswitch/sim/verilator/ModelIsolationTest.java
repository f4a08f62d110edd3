package flowswitch.sim.verilator;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelIsolationTest {
    /**
     * Both libraries define the same Verilated classes (Vdut...) with different layouts; if one bound to the
     * other's symbols, frames would come out corrupted (or the JVM would crash).
     */
    @Test
    void twoLibrariesAndTwoInstancesRunSideBySide() {
        Random random = new Random(11);
        try (VerilatedModel narrow = LoopbackFixture.open(64);
             VerilatedModel wide = LoopbackFixture.open(256);
             VerilatedModel wide2 = LoopbackFixture.open(256)) {
            byte[] a = LoopbackFixture.randomFrame(random, 257);
            byte[] b = LoopbackFixture.randomFrame(random, 131);
            byte[] c = LoopbackFixture.randomFrame(random, 77);
            narrow.pushFrame(0, a);
            wide.pushFrame(1, b);
            wide2.pushFrame(2, c);
            for (int i = 0; i < 50; i++) {
                narrow.step(1);
                wide.step(1);
                wide2.step(1);
            }
            assertArrayEquals(a, narrow.popFrame(1).orElseThrow().data());
            assertArrayEquals(b, wide.popFrame(2).orElseThrow().data());
            assertArrayEquals(c, wide2.popFrame(0).orElseThrow().data());
            assertEquals(64, narrow.top().dataWidth());
            assertEquals(256, wide.top().dataWidth());
        }
    }

    @Test
    void aStopInTheDesignEndsThatModelOnlyWithAnError() {
        try (VerilatedModel victim = LoopbackFixture.open(64); VerilatedModel bystander = LoopbackFixture.open(64)) {
            SimulationException e = assertThrows(SimulationException.class, () -> victim.axilWrite(0xF0, 1));
            assertTrue(e.getMessage().contains("$stop"), e.getMessage());
            SimulationException again = assertThrows(SimulationException.class, () -> victim.step(1));
            assertTrue(again.getMessage().contains("$stop"), again.getMessage());

            bystander.axilWrite(0, 5);
            assertEquals(5, bystander.axilRead(0));
        }
    }

    @Test
    void aClosedModelRefusesWork() {
        VerilatedModel dut = LoopbackFixture.open(64);
        dut.close();
        dut.close();
        assertThrows(IllegalStateException.class, () -> dut.step(1));
    }

    @Test
    void badArgumentsAreRejectedBeforeTheyReachTheHarness() {
        try (VerilatedModel dut = LoopbackFixture.open(64)) {
            assertThrows(IllegalArgumentException.class, () -> dut.pushFrame(3, new byte[1]));
            assertThrows(IllegalArgumentException.class, () -> dut.pushFrame(0, new byte[0]));
            assertThrows(IllegalArgumentException.class, () -> dut.setReadyProbability(0, 1.5, 1));
            assertThrows(IllegalArgumentException.class, () -> dut.popFrame(-1));
            assertThrows(IllegalArgumentException.class, () -> dut.reset(0));
        }
    }

    @Test
    void aBlockedOutputMakesRunUntilIdleTimeOutWithTheQueueState() {
        try (VerilatedModel dut = LoopbackFixture.open(64)) {
            dut.setReadyProbability(1, 0.0, 1);
            dut.pushFrame(0, new byte[64]);
            dut.pushFrame(0, new byte[64]);
            SimulationException e = assertThrows(SimulationException.class, () -> dut.runUntilIdle(500));
            assertTrue(e.getMessage().contains("[2, 0, 0]"), e.getMessage());
            dut.setReadyProbability(1, 1.0, 1);
            dut.runUntilIdle(500, 10);
            assertEquals(2, dut.popFrames(1).size());
        }
    }
}
