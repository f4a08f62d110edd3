package flowswitch.hdl.ingress;

import static flowswitch.hdl.dsl.Hw.*;
import static flowswitch.hdl.dsl.HwComponent.build;

import flowswitch.hdl.dsl.BitLayout;
import flowswitch.hdl.dsl.Fifo;
import flowswitch.hdl.dsl.HwComponent;
import flowswitch.hdl.stream.AxisBeat;
import java.util.Map;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.UInt;
import spinal.lib.Stream;

/**
 * One switch port's receive side: stores each frame whole (store-and-forward, so a frame can still be dropped after
 * its last byte is seen) while capturing its header, and emits one {@link FrameMeta} per frame when the last beat
 * arrives. A frame longer than {@code maxFrameBytes} is cut there (its stored copy ends early, the rest is discarded)
 * and marked oversize, so one giant frame can never wedge the FIFO.
 */
public final class IngressPort extends HwComponent {
    public final Stream<Bits> sAxis;
    public final Stream<Bits> mFrame;
    public final Stream<Bits> mMeta;
    public final Bool statRxInc = out(bool());
    public final UInt statRxBytes = out(uint(16));

    final UInt beatIndex;
    final UInt byteCount = regUInt(16, 0);
    final Bool truncated = regBool(false);
    final Bits header;
    final Fifo<Bits> frames;
    final Fifo<Bits> metas;
    final HeaderParser parser;

    public IngressPort(IngressPortConfig cfg) {
        BitLayout beat = AxisBeat.layout(cfg.dataWidth());
        int dw = cfg.dataWidth();
        int maxBeats = cfg.maxFrameBeats();
        sAxis = slave(stream(beat::newBits));
        mFrame = master(stream(beat::newBits));
        mMeta = master(stream(FrameMeta.LAYOUT::newBits));
        frames = fifo(beat::newBits, cfg.frameFifoBeats());
        metas = fifo(FrameMeta.LAYOUT::newBits, cfg.metaFifoDepth());
        beatIndex = regUInt(bitsFor(maxBeats), 0);
        header = reg(() -> bits(cfg.headerBytes() * 8));
        parser = build(new HeaderParser(cfg));

        Bits data = beat.get(sAxis.payload(), "data");
        Bits keep = beat.get(sAxis.payload(), "keep");
        Bool last = beat.getBool(sAxis.payload(), "last");
        Bool user = beat.getBool(sAxis.payload(), "user");

        // Beats past the limit are consumed but not stored; the beat at the limit closes the stored copy.
        Bool stored = lt(beatIndex, maxBeats);
        Bool cutHere = and(eq(beatIndex, maxBeats - 1), not(last));
        UInt frameLength = saturatingAdd(byteCount, countOnes(keep));

        assign(frames.push().valid(), and(sAxis.valid(), stored, or(not(last), metas.push().ready())));
        assign(metas.push().valid(), and(sAxis.valid(), last, or(not(stored), frames.push().ready())));
        assign(sAxis.ready(), and(or(not(stored), frames.push().ready()), or(not(last), metas.push().ready())));
        beat.assignAll(frames.push().payload(), Map.of(
                "data", data, "keep", keep, "last", or(last, cutHere), "user", user));

        // The parser sees the header registers with the arriving beat merged in, so a frame's own last beat counts.
        Bits merged = bits(cfg.headerBytes() * 8);
        for (int k = 0; k < cfg.headerBeats(); k++) {
            assign(slice(merged, k * dw, dw), mux(eq(beatIndex, k), data, slice(header, k * dw, dw)));
        }
        assign(parser.header, merged);
        assign(parser.len, frameLength);
        assign(parser.rxError, user);
        assign(parser.oversize, or(truncated, not(stored)));
        assign(metas.push().payload(), parser.meta);

        when(sAxis.fire(), () -> {
            assign(header, merged);
            when(last, () -> {
                assign(beatIndex, 0);
                assign(byteCount, 0);
                assign(truncated, false);
            }).otherwise(() -> {
                when(stored, () -> assign(beatIndex, add(beatIndex, 1)));
                assign(byteCount, frameLength);
                when(cutHere, () -> assign(truncated, true));
            });
        });

        connect(frames.pop(), mFrame);
        connect(metas.pop(), mMeta);
        assign(statRxInc, and(sAxis.fire(), last));
        assign(statRxBytes, frameLength);
    }

    /** a + b, held at the all-ones value instead of wrapping (a length counter must not wrap to a short frame). */
    private static UInt saturatingAdd(UInt a, UInt b) {
        int w = a.getBitsWidth();
        UInt sum = add(resize(a, w + 1), resize(b, w + 1));
        return mux(bit(sum, w), u((1L << w) - 1, w), resize(sum, w));
    }
}
