package flowswitch.sim.verilator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraceTest {
    @TempDir
    Path dir;

    @Test
    void aTracedModelWritesAVcdOfTheCyclesRunWhileEnabled() throws IOException {
        Path vcd = dir.resolve("waves/loopback.vcd");
        try (VerilatedModel dut = LoopbackFixture.open(64)) {
            long start = dut.cycles();
            dut.enableTrace(vcd);
            dut.pushFrame(2, new byte[] {1, 2, 3});
            dut.step(20);
            dut.disableTrace();
            dut.step(20);
            assertEquals(3, dut.popFrame(0).orElseThrow().length());

            String text = Files.readString(vcd);
            assertTrue(text.contains("$enddefinitions"), "VCD header");
            assertTrue(text.contains("s_axis_2_tdata"), "port signals are traced");
            // Time is 10 units per cycle; the rising edge is at +5.
            assertTrue(text.contains("\n#" + (10 * start) + "\n"), "first dump at the cycle tracing started");
            assertTrue(text.contains("\n#" + (10 * (start + 19) + 5) + "\n"), "last cycle traced");
            assertTrue(!text.contains("\n#" + (10 * (start + 20)) + "\n"), "nothing after disableTrace");
        }
    }

    @Test
    void tracingNeedsAModelBuiltForItAndTheMatchingExtension() {
        try (VerilatedModel untraced = LoopbackFixture.open(256)) {
            assertThrows(IllegalStateException.class, () -> untraced.enableTrace(dir.resolve("x.vcd")));
        }
        try (VerilatedModel traced = LoopbackFixture.open(64)) {
            assertThrows(IllegalArgumentException.class, () -> traced.enableTrace(dir.resolve("x.fst")));
        }
    }
}
