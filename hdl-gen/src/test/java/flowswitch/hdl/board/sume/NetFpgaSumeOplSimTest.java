package flowswitch.hdl.board.sume;

import static flowswitch.hdl.dsl.HwComponent.build;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.config.HardwareParams;
import flowswitch.hdl.control.ControlPlane;
import flowswitch.hdl.simtest.SimModels;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import spinal.core.sim.SimCompiled;

/**
 * The SUME output-port-lookup core under Verilator, driven as the reference pipeline drives it: frames enter with
 * their source port in tuser and leave with their destination port set and their length; host (DMA) frames are
 * dropped; the register map answers on the AXI4-Lite clock.
 */
class NetFpgaSumeOplSimTest {
    private static final HardwareParams SMALL = new HardwareParams(SumeStream.DATA_WIDTH, 4, 2, 1, 16, 4, 512);
    private static final long BROADCAST = 0xFFFF_FFFF_FFFFL;
    private static final long HOST_A = 0x02_00_00_00_00_0AL;
    private static final long HOST_B = 0x02_00_00_00_00_0BL;
    private static final long MAX_CYCLES = 200_000;

    static SimCompiled<NetFpgaSumeOpl> model() {
        return SimModels.get("NetFpgaSumeOpl_small", () -> build(new NetFpgaSumeOpl(new NetFpgaSumeConfig(SMALL))));
    }

    private static int nf(int port) {
        return 1 << SumeStream.physicalPortBit(port);
    }

    @Test
    void framesLeaveWithTheirDestinationPortAndLength() {
        SimModels.run(model(), "forwarding", 1, dut -> {
            SumeBench bench = new SumeBench(dut);
            bench.axis.run(50);
            byte[] flood = SumeBench.frame(100, BROADCAST, HOST_A, 1);
            bench.send(flood, nf(0));
            bench.axis.runUntil(() -> bench.output.size() == 3, MAX_CYCLES, () -> bench.output.size() + " of 3 copies");
            Set<Integer> floodedTo = new TreeSet<>();
            for (SumeBench.Frame f : bench.output) {
                assertArrayEquals(flood, f.bytes(), "a flooded frame leaves unchanged");
                assertEquals(flood.length, f.length(), "tuser length");
                assertEquals(1, Integer.bitCount(f.destinationPorts()), "one destination per copy");
                floodedTo.add(f.destinationPorts());
            }
            assertEquals(Set.of(nf(1), nf(2), nf(3)), floodedTo, "flooded to every port but the one it came from");

            // HOST_A is now known on nf0: a frame to it from nf1 goes there only.
            byte[] unicast = SumeBench.frame(333, HOST_A, HOST_B, 2);
            bench.send(unicast, nf(1));
            bench.axis.runUntil(() -> bench.output.size() == 4, MAX_CYCLES, () -> "waiting for the unicast frame");
            SumeBench.Frame out = bench.output.get(3);
            assertArrayEquals(unicast, out.bytes());
            assertEquals(nf(0), out.destinationPorts());
            assertEquals(333, out.length());
        });
    }

    @Test
    void anOversizeFrameLeavesAbortedInTuserCutAtMaxFrameBytes() {
        SimModels.run(model(), "oversize", 3, dut -> {
            SumeBench bench = new SumeBench(dut);
            bench.axis.run(50);
            byte[] giant = SumeBench.frame(SMALL.maxFrameBytes() + 100, BROADCAST, HOST_A, 5);
            bench.send(giant, nf(0));
            byte[] after = SumeBench.frame(80, BROADCAST, HOST_B, 6);
            bench.send(after, nf(0));
            bench.axis.runUntil(() -> bench.output.size() == 6, MAX_CYCLES, () -> bench.output.size() + " of 6 copies");
            List<SumeBench.Frame> aborted = bench.output.stream().filter(SumeBench.Frame::aborted).toList();
            assertEquals(3, aborted.size(), "decided on its header (a flood), then aborted at max_frame_bytes");
            for (SumeBench.Frame f : aborted) {
                assertArrayEquals(java.util.Arrays.copyOf(giant, SMALL.maxFrameBytes()), f.bytes());
                assertEquals(SMALL.maxFrameBytes(), f.length());
            }
            assertTrue(bench.output.stream().filter(f -> !f.aborted()).allMatch(f -> SumeBench.same(f, after)),
                    "the next frame leaves whole");
        });
    }

    @Test
    void hostFramesAreDroppedAndPortFramesStillPass() {
        SimModels.run(model(), "host", 2, dut -> {
            SumeBench bench = new SumeBench(dut);
            bench.axis.run(50);
            bench.send(SumeBench.frame(64, BROADCAST, HOST_A, 3), nf(0) << 1); // dma0
            byte[] after = SumeBench.frame(70, BROADCAST, HOST_B, 4);
            bench.send(after, nf(2));
            bench.axis.runUntil(() -> bench.output.size() == 3, MAX_CYCLES, () -> bench.output.size() + " frames out");
            bench.axis.run(2_000);
            assertEquals(3, bench.output.size(), "only the port frame's three copies come out");
            assertTrue(bench.output.stream().allMatch(f -> SumeBench.same(f, after)));
            List<Integer> destinations = bench.output.stream().map(SumeBench.Frame::destinationPorts).sorted().toList();
            assertEquals(List.of(nf(0), nf(1), nf(3)), destinations);
        });
    }

    @Test
    void registersAnswerAcrossTheClockCrossing() {
        SimModels.run(model(), "registers", 3, dut -> {
            SumeBench bench = new SumeBench(dut);
            bench.registers.run(50);
            bench.read(0);
            bench.registers.runUntil(() -> bench.readResult() != null, 10_000, () -> "waiting for the ID register");
            assertEquals(ControlPlane.ID, bench.readResult().longValue(), "ID register, read through S_AXI");
        });
    }
}
