package flowswitch.hdl.board.eth;

import static flowswitch.hdl.dsl.HwComponent.build;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.hdl.simtest.AxisBeats;
import flowswitch.hdl.simtest.AxisFrame;
import flowswitch.hdl.simtest.SimClock;
import flowswitch.hdl.simtest.SimModels;
import flowswitch.hdl.simtest.StreamSink;
import flowswitch.hdl.simtest.StreamSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import spinal.core.sim.SimCompiled;

/**
 * One Ethernet port under Verilator, its switch side and PHY sides on clocks of different frequencies: frames sent
 * leave as valid Ethernet (preamble, padding, FCS, inter-frame gap, never cut short; a frame marked bad with a
 * spoiled FCS), frames received come out
 * without preamble and FCS with bad ones marked, and a receive overflow shows up as a bad frame, never as a corrupt
 * good one. MII (4-bit) and GMII (8-bit) PHY widths.
 */
class EthPortSimTest {
    private static final int DATA_WIDTH = 64;
    private static final int MAX_FRAME = 500;
    private static final int RX_FIFO_BEATS = 16;
    private static final long MAX_CYCLES = 3_000_000;

    private enum Damage { NONE, BAD_FCS, RX_ERROR, ODD_NIBBLE }

    static SimCompiled<EthPortHarness> model(int phyWidth) {
        EthMacConfig cfg = new EthMacConfig(phyWidth, DATA_WIDTH, RX_FIFO_BEATS, 64, MAX_FRAME);
        return SimModels.get("EthPort_w" + phyWidth, () -> build(new EthPortHarness(cfg)));
    }

    /** The switch side clocked slower than the PHY, as on the iCE40 board (12 MHz against 25 MHz), for MII. */
    private record Clocks(SimClock core, SimClock rx, SimClock tx) {
        static Clocks start(EthPortHarness dut, int phyWidth) {
            long corePeriod = phyWidth == 4 ? 84 : 10;
            return new Clocks(SimClock.start(dut.clockDomain().get(), corePeriod),
                    SimClock.start(dut.rxDomain, phyWidth == 4 ? 40 : 8),
                    SimClock.start(dut.txDomain, phyWidth == 4 ? 41 : 9));
        }
    }

    private static byte[] randomFrame(Random random, int length) {
        byte[] frame = new byte[length];
        random.nextBytes(frame);
        return frame;
    }

    @ParameterizedTest(name = "{0}-bit PHY")
    @ValueSource(ints = {4, 8})
    void framesLeaveAsEthernetWithPaddingFcsAndGaps(int phyWidth) {
        SimModels.run(model(phyWidth), "tx", phyWidth, dut -> {
            Random random = new Random(phyWidth);
            Clocks clocks = Clocks.start(dut, phyWidth);
            AxisBeats beats = new AxisBeats(DATA_WIDTH);
            StreamSource source = new StreamSource(dut.sAxis, clocks.core(), random, 0.5);
            new StreamSink(dut.mAxis, clocks.core(), random, 1, beat -> { });
            PhyMonitor wire = new PhyMonitor(dut, clocks.tx(), phyWidth);

            List<AxisFrame> sent = new ArrayList<>();
            for (int length : new int[] {1, 13, 14, 59, 60, 61, 64, 100, 255, MAX_FRAME - 1, MAX_FRAME}) {
                sent.add(new AxisFrame(randomFrame(random, length), false));
            }
            IntStream.range(0, 30).forEach(i -> sent.add(
                    new AxisFrame(randomFrame(random, 1 + random.nextInt(MAX_FRAME)), random.nextInt(4) == 0)));
            for (AxisFrame frame : sent) beats.encode(frame, random).forEach(source::push);

            clocks.tx().runUntil(() -> wire.frames().size() == sent.size(), MAX_CYCLES,
                    () -> wire.frames().size() + " of " + sent.size() + " frames on the wire");
            for (int i = 0; i < sent.size(); i++) {
                byte[] expected = EthWire.encode(sent.get(i).bytes());
                // A frame marked bad leaves with bit 0 of its last FCS unit (the last nibble on MII) inverted.
                if (sent.get(i).user()) expected[expected.length - 1] ^= (byte) (phyWidth == 8 ? 0x01 : 0x10);
                assertArrayEquals(expected, wire.frames().get(i), "frame " + i + " (" + sent.get(i) + ") on the wire");
            }
            int unitsPerByte = 8 / phyWidth;
            for (int i = 1; i < sent.size(); i++) {
                int gap = wire.gapsBefore().get(i);
                assertTrue(gap >= EthWire.IFG_BYTES * unitsPerByte, "gap before frame " + i + " is " + gap + " units");
            }
        });
    }

    @ParameterizedTest(name = "{0}-bit PHY")
    @ValueSource(ints = {4, 8})
    void receivedFramesLoseTheirPreambleAndFcsAndBadOnesAreMarked(int phyWidth) {
        SimModels.run(model(phyWidth), "rx", phyWidth, dut -> {
            Random random = new Random(10 + phyWidth);
            Clocks clocks = Clocks.start(dut, phyWidth);
            AxisBeats beats = new AxisBeats(DATA_WIDTH);
            new StreamSource(dut.sAxis, clocks.core(), random, 1);
            List<AxisFrame> received = new ArrayList<>();
            AxisBeats.Assembler assembler = beats.assembler("m_axis");
            new StreamSink(dut.mAxis, clocks.core(), random, 1, beat -> assembler.add(beat).ifPresent(received::add));
            PhyDriver phy = new PhyDriver(dut, clocks.rx());

            List<AxisFrame> expected = new ArrayList<>();
            List<Damage> damages = new ArrayList<>(Arrays.asList(Damage.values()));
            if (phyWidth == 8) damages.remove(Damage.ODD_NIBBLE);
            for (int i = 0; i < 60; i++) {
                Damage damage = i < damages.size() ? damages.get(i) : damages.get(random.nextInt(damages.size()));
                byte[] frame = randomFrame(random, 14 + random.nextInt(MAX_FRAME - 14));
                byte[] wire = EthWire.encode(frame);
                if (damage == Damage.BAD_FCS) wire[wire.length - 1] ^= (byte) (1 << random.nextInt(8));
                List<Integer> units = new ArrayList<>(EthWire.units(wire, phyWidth));
                if (damage == Damage.ODD_NIBBLE) units.add(random.nextInt(16));
                int errorAt = damage == Damage.RX_ERROR ? 16 + random.nextInt(units.size() - 16) : -1;
                phy.send(units, errorAt);
                phy.idle(EthWire.IFG_BYTES * 8 / phyWidth);
                byte[] payload = Arrays.copyOf(EthWire.withFcs(frame), EthWire.withFcs(frame).length - 4);
                expected.add(new AxisFrame(payload, damage != Damage.NONE));
            }
            clocks.core().runUntil(() -> received.size() == expected.size(), MAX_CYCLES,
                    () -> received.size() + " of " + expected.size() + " frames received");
            assertEquals(expected, received);
        });
    }

    @ParameterizedTest(name = "{0}-bit PHY")
    @ValueSource(ints = {4, 8})
    void aReceiveOverflowBecomesOneBadFrameAndLaterFramesArriveWhole(int phyWidth) {
        SimModels.run(model(phyWidth), "overflow", phyWidth, dut -> {
            Random random = new Random(20 + phyWidth);
            Clocks clocks = Clocks.start(dut, phyWidth);
            AxisBeats beats = new AxisBeats(DATA_WIDTH);
            new StreamSource(dut.sAxis, clocks.core(), random, 1);
            List<AxisFrame> received = new ArrayList<>();
            AxisBeats.Assembler assembler = beats.assembler("m_axis");
            StreamSink sink = new StreamSink(dut.mAxis, clocks.core(), random, 0,
                    beat -> assembler.add(beat).ifPresent(received::add));
            PhyDriver phy = new PhyDriver(dut, clocks.rx());

            // Frames longer than the receive FIFO while nothing is read: the first overflows it, the rest are lost.
            int longFrame = RX_FIFO_BEATS * DATA_WIDTH / 8 + 72;
            for (int i = 0; i < 4; i++) {
                phy.send(EthWire.units(EthWire.encode(randomFrame(random, longFrame)), phyWidth), -1);
                phy.idle(EthWire.IFG_BYTES * 8 / phyWidth);
            }
            clocks.rx().runUntil(phy::done, MAX_CYCLES, () -> "receiving the overflowing frames");
            sink.setReadyRate(0.7);
            clocks.core().run(200);
            List<AxisFrame> later = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                byte[] frame = randomFrame(random, 60 + random.nextInt(MAX_FRAME - 60));
                later.add(new AxisFrame(frame, false));
                phy.send(EthWire.units(EthWire.encode(frame), phyWidth), -1);
                phy.idle(EthWire.IFG_BYTES * 8 / phyWidth);
            }
            clocks.core().runUntil(() -> received.size() == 1 + later.size(), MAX_CYCLES,
                    () -> received.size() + " frames received: " + received);
            assertTrue(received.get(0).user(), "the overflowed frame comes out marked bad: " + received.get(0));
            assertEquals(later, received.subList(1, received.size()));
        });
    }
}
