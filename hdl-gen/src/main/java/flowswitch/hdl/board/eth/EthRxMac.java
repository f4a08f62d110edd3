package flowswitch.hdl.board.eth;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.hdl.dsl.BitLayout;
import flowswitch.hdl.dsl.HwComponent;
import flowswitch.hdl.dsl.LibraryIo;
import flowswitch.hdl.stream.AxisBeat;
import java.util.Map;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.UInt;
import spinal.lib.Fragment;
import spinal.lib.Stream;
import spinal.lib.com.eth.MacRxChecker;
import spinal.lib.com.eth.MacRxPreamble;
import spinal.lib.com.eth.PhyRx;

/**
 * The receive half of an Ethernet MAC, clocked by the PHY's receive clock. spinal.lib strips the preamble and SFD
 * ({@link MacRxPreamble}) and checks the FCS ({@link MacRxChecker}); this component turns what is left into the
 * switch's AXI4-Stream beats: nibbles paired into bytes, the four FCS bytes removed, bytes packed into beats, and
 * {@code user} set on the last beat of a frame with a bad FCS, a PHY error ({@code rx_er}) or an odd nibble count.
 *
 * <p>A PHY cannot be paused, so when the crossing FIFO is full the frame is lost. The beats of it already in the
 * FIFO are then closed by a one-byte terminator beat marked bad, and every frame until that terminator is out is
 * dropped whole; the switch counts the terminator as an {@code rx_error}, so an overflow is never silent.
 */
public final class EthRxMac extends HwComponent {
    private static final int FCS_BYTES = 4;

    public final Bool phyValid = in(bool());
    public final Bits phyData;
    public final Bool phyError = in(bool());
    /** Received frames as {@link AxisBeat} beats, pushed into the crossing FIFO (no backpressure reaches the PHY). */
    public final Stream<Bits> mBeats;

    // Two register stages: the first samples the pins, the second lets the stage before it see the frame's end.
    final Bool sampledValid = regBool(false);
    final Bits sampledData;
    final Bool sampledError = regBool(false);
    final Bool delayedValid = regBool(false);
    final Bits delayedData;
    final Bool delayedError = regBool(false);
    final MacRxPreamble preamble;
    final MacRxChecker fcsCheck;
    final Bool frameErrors = regBool(false);
    final UInt fcsHeld = regUInt(3, 0);
    final Bits fcsHold = regBits(8 * FCS_BYTES, 0);
    final Bool pendingValid = regBool(false);
    final Bits pendingByte = regBits(8, 0);
    final Bool closing = regBool(false);
    final Bool closingBad = regBool(false);
    final UInt lane;
    final Bits beatData;
    final Bool frameOpen = regBool(false);
    final Bool dropping = regBool(false);
    final Bool terminate = regBool(false);

    public EthRxMac(EthMacConfig cfg) {
        int w = cfg.phyWidth();
        int lanes = cfg.bytesPerBeat();
        BitLayout beat = AxisBeat.layout(cfg.dataWidth());
        phyData = in(bits(w));
        mBeats = master(stream(beat::newBits));
        sampledData = regBits(w, 0);
        delayedData = regBits(w, 0);
        lane = regUInt(log2Up(lanes), 0);
        beatData = regBits(cfg.dataWidth(), 0);

        assign(sampledValid, phyValid);
        assign(sampledData, phyData);
        assign(sampledError, phyError);
        assign(delayedValid, sampledValid);
        assign(delayedData, sampledData);
        assign(delayedError, sampledError);

        preamble = library(new MacRxPreamble(w));
        fcsCheck = library(new MacRxChecker(w));
        Stream<Fragment<PhyRx>> wire = LibraryIo.port(preamble, "input");
        assign(wire.valid(), delayedValid);
        assign(wire.payload().last(), and(delayedValid, not(sampledValid)));
        assign(wire.payload().fragment().data(), delayedData);
        assign(wire.payload().fragment().error(), delayedError);
        connect(LibraryIo.port(preamble, "output"), LibraryIo.port(fcsCheck, "input"));
        Stream<Fragment<PhyRx>> unit = LibraryIo.port(fcsCheck, "output");
        assign(unit.ready(), true);

        Bool unitValid = unit.valid();
        Bool unitLast = unit.payload().last();
        Bool end = and(unitValid, unitLast);
        Bits unitData = unit.payload().fragment().data();
        ByteStream bytes = w == 8 ? new ByteStream(unitValid, unitData, FALSE()) : pairNibbles(unitValid, unitLast, unitData);

        Bool frameBad = or(frameErrors, unit.payload().fragment().error(), bytes.oddNibble());
        when(unitValid, () -> assign(frameErrors, and(not(unitLast), frameBad)));

        // The last four bytes of a frame are its FCS: hold four bytes back, and one more so that the frame's real
        // last byte can be marked once the frame has ended (there is always an idle cycle after the end).
        Bool holdFull = eq(fcsHeld, FCS_BYTES);
        Bool byteOut = or(and(bytes.valid(), holdFull, pendingValid), and(closing, pendingValid));
        when(bytes.valid(), () -> {
            assign(fcsHold, cat(bytes.data(), slice(fcsHold, 8, 8 * (FCS_BYTES - 1))));
            when(holdFull, () -> {
                assign(pendingByte, slice(fcsHold, 0, 8));
                assign(pendingValid, true);
            }).otherwise(() -> assign(fcsHeld, add(fcsHeld, 1)));
        });
        when(end, () -> {
            assign(closing, true);
            assign(closingBad, frameBad);
            assign(fcsHeld, 0);
        });
        when(closing, () -> {
            assign(closing, false);
            assign(pendingValid, false);
        });

        // Pack bytes into beats, byte 0 of the frame in lane 0.
        Bool beatDone = and(byteOut, or(closing, eq(lane, lanes - 1)));
        Bits merged = bits(cfg.dataWidth());
        Bits keep = bits(lanes);
        for (int k = 0; k < lanes; k++) {
            assign(slice(merged, 8 * k, 8), mux(eq(lane, k), pendingByte, slice(beatData, 8 * k, 8)));
            assign(bit(keep, k), ge(lane, k));
        }
        when(byteOut, () -> {
            assign(beatData, merged);
            when(beatDone, () -> assign(lane, 0)).otherwise(() -> assign(lane, add(lane, 1)));
        });

        Bool blocked = or(dropping, terminate);
        assign(mBeats.valid(), mux(beatDone, not(blocked), terminate));
        beat.assignAll(mBeats.payload(), Map.of(
                "data", mux(beatDone, merged, b(0, cfg.dataWidth())),
                "keep", mux(beatDone, keep, b(1, lanes)),
                "last", mux(beatDone, closing, TRUE()),
                "user", mux(beatDone, closingBad, TRUE())));
        when(beatDone, () -> {
            when(or(blocked, not(mBeats.ready())), () -> {
                when(not(dropping), () -> assign(terminate, true));
                assign(dropping, not(closing));
            }).otherwise(() -> assign(frameOpen, not(closing)));
        }).elseWhen(and(terminate, mBeats.ready()), () -> {
            assign(terminate, false);
            assign(frameOpen, false);
        });
    }

    /** One byte per valid cycle, and whether the frame ended on half a byte. */
    private record ByteStream(Bool valid, Bits data, Bool oddNibble) {}

    /** MII sends the low nibble of each byte first. */
    private ByteStream pairNibbles(Bool unitValid, Bool unitLast, Bits unitData) {
        Bool highNext = named(regBool(false), "high_nibble_next");
        Bits lowNibble = named(regBits(4, 0), "low_nibble");
        when(unitValid, () -> {
            assign(lowNibble, unitData);
            assign(highNext, and(not(highNext), not(unitLast)));
        });
        return new ByteStream(and(unitValid, highNext), cat(unitData, lowNibble), and(unitLast, not(highNext)));
    }
}
