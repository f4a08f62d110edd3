package flowswitch.sim.verilator;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static flowswitch.sim.verilator.LoopbackFixture.PORTS;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SerialModeTest {
    private static final int FRAMES = 60;

    @Test
    void serialModeDrivesFramesOneAtATimeInPushOrder() {
        // No backpressure: each output then shows its input one cycle later, so output cycles are input cycles.
        Random random = new Random(3);
        try (VerilatedModel dut = LoopbackFixture.open(64)) {
            dut.setSerial(true);
            List<Integer> ingress = new ArrayList<>();
            for (int i = 0; i < FRAMES; i++) {
                int port = random.nextInt(PORTS);
                byte[] frame = LoopbackFixture.randomFrame(random, 1 + random.nextInt(100));
                frame[0] = (byte) i;  // identifies the frame at the output
                dut.pushFrame(port, frame);
                ingress.add(port);
            }
            dut.runUntilIdle(1_000_000);

            List<EgressFrame> all = new ArrayList<>();
            for (int port = 0; port < PORTS; port++) {
                all.addAll(dut.popFrames(port));
            }
            all.sort(Comparator.comparingLong(EgressFrame::firstBeatCycle));
            assertEquals(FRAMES, all.size());
            for (int i = 0; i < FRAMES; i++) {
                EgressFrame f = all.get(i);
                assertEquals(i, f.data()[0] & 0xFF, "frame order at the outputs");
                assertEquals(LoopbackFixture.egressOf(ingress.get(i)), f.port());
                if (i > 0) {
                    assertEquals(all.get(i - 1).lastBeatCycle() + 1 + VerilatedModel.SERIAL_GAP_CYCLES, f.firstBeatCycle(),
                            "frame " + i + " starts the serial gap after frame " + (i - 1) + " was accepted");
                }
            }
        }
    }

    @Test
    void withoutSerialModeAllPortsRunInParallel() {
        try (VerilatedModel dut = LoopbackFixture.open(64)) {
            for (int port = 0; port < PORTS; port++) {
                dut.pushFrame(port, new byte[64]);
            }
            dut.runUntilIdle(10_000);
            long first = dut.popFrame(0).orElseThrow().firstBeatCycle();
            for (int port = 1; port < PORTS; port++) {
                assertEquals(first, dut.popFrame(port).orElseThrow().firstBeatCycle(), "port " + port);
            }
        }
    }
}
