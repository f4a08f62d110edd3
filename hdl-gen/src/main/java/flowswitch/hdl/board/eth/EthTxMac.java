package flowswitch.hdl.board.eth;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.hdl.dsl.BitLayout;
import flowswitch.hdl.dsl.HwComponent;
import flowswitch.hdl.dsl.LibraryIo;
import flowswitch.hdl.stream.AxisBeat;
import java.util.ArrayList;
import java.util.List;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.UInt;
import spinal.lib.BufferCC$;
import spinal.lib.Flow;
import spinal.lib.Fragment;
import spinal.lib.Stream;
import spinal.lib.com.eth.MacTxCrc;
import spinal.lib.com.eth.MacTxHeader;
import spinal.lib.com.eth.MacTxInterFrame;
import spinal.lib.com.eth.MacTxPadder;
import spinal.lib.com.eth.PhyTx;
import spinal.lib.fromGray$;

/**
 * The transmit half of an Ethernet MAC, clocked by the PHY's transmit clock. It unpacks the switch's beats into PHY
 * units (nibbles low first, or bytes) and hands them to spinal.lib's transmit chain: {@link MacTxPadder} (to 60
 * bytes), {@link MacTxCrc} (appends the FCS), {@link MacTxHeader} (preamble and SFD) and {@link MacTxInterFrame}
 * (12 idle bytes between frames).
 *
 * <p>The PHY cannot wait in the middle of a frame, so a frame starts only once all of it is in the crossing FIFO:
 * the switch side counts the frames it has pushed (Gray-coded, {@link #framesQueuedGray}), and this side compares
 * that count with the frames it has sent. A frame whose last beat has {@code user} set is known bad: it leaves with
 * its FCS spoiled (bit 0 of the last FCS unit inverted), so no receiver takes it for a good one.
 */
public final class EthTxMac extends HwComponent {
    public final Stream<Bits> sBeats;
    /** Frames pushed whole into the crossing FIFO, Gray-coded, in the switch's clock domain. */
    public final Bits framesQueuedGray;
    public final Bool phyValid = out(bool());
    public final Bits phyData;

    final Bits framesQueuedSync;
    final UInt framesSent;
    final Bool frameWaiting;
    final Bool spoilFcs = regBool(false);
    final UInt unit;
    final MacTxPadder padder;
    final MacTxCrc crc;
    final MacTxHeader header;
    final MacTxInterFrame gap;

    public EthTxMac(EthMacConfig cfg, int frameCountBits) {
        int w = cfg.phyWidth();
        int unitsPerBeat = cfg.bytesPerBeat() * cfg.unitsPerByte();
        BitLayout beat = AxisBeat.layout(cfg.dataWidth());
        sBeats = slave(stream(beat::newBits));
        framesQueuedGray = in(bits(frameCountBits));
        phyData = out(bits(w));

        framesQueuedSync = BufferCC$.MODULE$.apply(framesQueuedGray, () -> b(0, frameCountBits), 2);
        framesSent = regUInt(frameCountBits, 0);
        frameWaiting = neq(fromGray$.MODULE$.apply(framesQueuedSync), framesSent);
        unit = regUInt(log2Up(unitsPerBeat), 0);

        Bits data = beat.get(sBeats.payload(), "data");
        List<Bits> units = new ArrayList<>();
        for (int i = 0; i < unitsPerBeat; i++) units.add(slice(data, i * w, w));
        UInt bytesInBeat = countOnes(beat.get(sBeats.payload(), "keep"));
        UInt lastByte = resize(sub(bytesInBeat, u(1, bytesInBeat.getBitsWidth())), log2Up(cfg.bytesPerBeat()));
        // A byte is two units on MII (low nibble, then high): the last unit is the last byte's high nibble.
        UInt lastUnit = w == 8 ? lastByte : asUInt(cat(asBits(lastByte), b(1, 1)));
        Bool frameEnd = and(beat.getBool(sBeats.payload(), "last"), eq(unit, lastUnit));
        Bool beatEnd = or(frameEnd, eq(unit, unitsPerBeat - 1));

        padder = library(new MacTxPadder(w, false));
        crc = library(new MacTxCrc(w));
        header = library(new MacTxHeader(w, false));
        gap = library(new MacTxInterFrame(w, false));
        Stream<Fragment<PhyTx>> units0 = LibraryIo.port(padder, "input");
        assign(units0.valid(), and(sBeats.valid(), frameWaiting));
        assign(units0.payload().fragment().data(), element(vecOf(units), unit));
        assign(units0.payload().last(), frameEnd);
        assign(sBeats.ready(), and(units0.fire(), beatEnd));
        when(units0.fire(), () -> {
            when(beatEnd, () -> assign(unit, 0)).otherwise(() -> assign(unit, add(unit, 1)));
            when(frameEnd, () -> {
                assign(framesSent, add(framesSent, 1));
                assign(spoilFcs, beat.getBool(sBeats.payload(), "user"));
            });
        });
        connect(LibraryIo.port(padder, "output"), LibraryIo.port(crc, "input"));
        // MacTxCrc takes no new frame while it sends an FCS, so one flag covers the frame between here and there.
        Stream<Fragment<PhyTx>> withFcs = LibraryIo.port(crc, "output");
        Stream<Fragment<PhyTx>> toHeader = LibraryIo.port(header, "input");
        Bits fcsData = withFcs.payload().fragment().data();
        assign(toHeader.valid(), withFcs.valid());
        assign(toHeader.payload().last(), withFcs.payload().last());
        assign(toHeader.payload().fragment().data(),
                mux(and(spoilFcs, withFcs.payload().last()), xorBits(fcsData, b(1, w)), fcsData));
        assign(withFcs.ready(), toHeader.ready());
        when(and(withFcs.fire(), withFcs.payload().last()), () -> assign(spoilFcs, false));
        connect(LibraryIo.port(header, "output"), LibraryIo.port(gap, "input"));

        // Registered outputs, so the pins change right after the clock edge the PHY samples against.
        Flow<Fragment<PhyTx>> wire = LibraryIo.port(gap, "output");
        assign(phyValid, regNext(wire.valid(), FALSE()));
        assign(phyData, regNext(wire.payload().fragment().data(), b(0, w)));
    }
}
