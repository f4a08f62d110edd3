package flowswitch.sim.verilator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static flowswitch.sim.verilator.LoopbackFixture.PORTS;
import static flowswitch.sim.verilator.LoopbackFixture.beats;
import static flowswitch.sim.verilator.LoopbackFixture.egressOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamTest {
    private static final int MAX_LENGTH = 300;
    private static final double[] READY = {0.3, 0.6, 0.9};

    @ParameterizedTest
    @ValueSource(ints = {64, 256})
    void everyLengthPassesIntactUnderRandomBackpressure(int width) {
        Random random = new Random(width);
        try (VerilatedModel dut = LoopbackFixture.open(width)) {
            List<List<byte[]>> sent = new ArrayList<>();
            for (int port = 0; port < PORTS; port++) {
                dut.setReadyProbability(port, READY[port], 1000 + port);
                List<byte[]> frames = new ArrayList<>();
                for (int length = 1; length <= MAX_LENGTH; length++) {
                    byte[] frame = LoopbackFixture.randomFrame(random, length);
                    dut.pushFrame(port, frame);
                    frames.add(frame);
                }
                sent.add(frames);
            }
            dut.runUntilIdle(2_000_000);

            for (int in = 0; in < PORTS; in++) {
                int out = egressOf(in);
                List<EgressFrame> received = dut.popFrames(out);
                assertEquals(MAX_LENGTH, received.size(), "frames from port " + in + " on port " + out);
                long previousLast = -1;
                for (int i = 0; i < MAX_LENGTH; i++) {
                    EgressFrame f = received.get(i);
                    assertArrayEquals(sent.get(in).get(i), f.data(), "frame " + i + " from port " + in);
                    assertEquals(out, f.port());
                    assertTrue(f.lastBeatCycle() - f.firstBeatCycle() + 1 >= beats(f.length(), width), f.toString());
                    assertTrue(f.firstBeatCycle() > previousLast, "frames overlap on port " + out + ": " + f);
                    previousLast = f.lastBeatCycle();
                }
                assertEquals(0, dut.pendingFrames(in));
                assertEquals(0, dut.outputKeepErrors(out));
                // Port in's stage stalls whenever its output (ready probability < 1) holds it back.
                assertTrue(dut.inputStallCycles(in) > 0, "port " + in + " never stalled");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 256})
    void framesGoBackToBackAtFullRateWithoutBackpressure(int width) {
        Random random = new Random(7);
        try (VerilatedModel dut = LoopbackFixture.open(width)) {
            for (int length = 1; length <= MAX_LENGTH; length++) {
                dut.pushFrame(0, LoopbackFixture.randomFrame(random, length));
            }
            long run = dut.runUntilIdle(1_000_000, 10);

            List<EgressFrame> received = dut.popFrames(1);
            assertEquals(MAX_LENGTH, received.size());
            long totalBeats = 0;
            for (int i = 0; i < received.size(); i++) {
                EgressFrame f = received.get(i);
                long beats = beats(f.length(), width);
                totalBeats += beats;
                assertEquals(beats, f.lastBeatCycle() - f.firstBeatCycle() + 1, "one beat per cycle: " + f);
                if (i > 0) {
                    assertEquals(received.get(i - 1).lastBeatCycle() + 1, f.firstBeatCycle(), "no gap before " + f);
                }
            }
            assertEquals(0, dut.inputStallCycles(0));
            // One register stage: everything is out one cycle after the last input beat, then the quiet period.
            assertEquals(totalBeats + 1 + 10, run);
        }
    }
}
