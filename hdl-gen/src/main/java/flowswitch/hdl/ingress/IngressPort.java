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
 * One switch port's receive side, cut-through: each frame's beats go on into the frame FIFO as they come, while the
 * {@link HeaderParser} captures its fields; its {@link FrameMeta} leaves at its decision point, or at the end of the
 * stored copy if that comes first (docs/datapath.md "Parse"). An error that shows only after the meta left (a bad
 * frame, an oversize one, a truncated IPv4 packet) cannot drop the frame any more: its last stored beat carries the
 * late status ({@link IngressBeat}). A frame longer than {@code maxFrameBytes} is cut there (its stored copy ends
 * early, the rest is discarded), so one giant frame can never wedge the FIFO.
 */
public final class IngressPort extends HwComponent {
    public final Stream<Bits> sAxis;
    public final Stream<Bits> mFrame;
    public final Stream<Bits> mMeta;
    public final Bool statRxInc = out(bool());
    public final UInt statRxBytes = out(uint(16));

    final UInt beatIndex;
    final UInt byteCount = regUInt(16, 0);
    /** The frame's meta has left (set from its decision point to its last beat). */
    final Bool metaSent = regBool(false);
    final Fifo<Bits> frames;
    final Fifo<Bits> metas;
    final HeaderParser parser;

    public IngressPort(IngressPortConfig cfg) {
        BitLayout beat = AxisBeat.layout(cfg.dataWidth());
        BitLayout stored = IngressBeat.layout(cfg.dataWidth());
        int maxBeats = cfg.maxFrameBeats();
        sAxis = slave(stream(beat::newBits));
        mFrame = master(stream(stored::newBits));
        mMeta = master(stream(FrameMeta.LAYOUT::newBits));
        frames = fifo(stored::newBits, cfg.frameFifoBeats());
        // The meta is on the latency path (first beat in to first beat out): it reaches the decision unit as it is made.
        metas = bypassFifo(FrameMeta.LAYOUT::newBits, cfg.metaFifoDepth());
        beatIndex = regUInt(bitsFor(maxBeats), 0);
        parser = build(new HeaderParser(cfg));

        Bits data = beat.get(sAxis.payload(), "data");
        Bits keep = beat.get(sAxis.payload(), "keep");
        Bool last = beat.getBool(sAxis.payload(), "last");
        Bool user = beat.getBool(sAxis.payload(), "user");

        // Beats past the limit are consumed but not stored; the beat at the limit closes the stored copy.
        Bool storing = lt(beatIndex, maxBeats);
        Bool cutHere = and(eq(beatIndex, maxBeats - 1), not(last));
        Bool storedEnd = and(storing, or(last, cutHere));
        UInt frameLength = saturatingAdd(byteCount, countOnes(keep));
        Bool metaNow = and(storing, not(metaSent), or(parser.due, storedEnd));

        assign(frames.push().valid(), and(sAxis.valid(), storing, or(not(metaNow), metas.push().ready())));
        assign(metas.push().valid(), and(sAxis.valid(), metaNow, frames.push().ready()));
        assign(sAxis.ready(), or(not(storing), and(frames.push().ready(), or(not(metaNow), metas.push().ready()))));

        // A frame decided at its stored end was decided with everything known; one decided earlier carries its late error.
        Bits late = mux(and(storedEnd, metaSent), parser.lateStatus, b(FrameStatus.OK.code(), FrameStatus.WIDTH));
        stored.assignAll(frames.push().payload(), Map.of("data", data, "keep", keep, "last", storedEnd,
                "user", neq(late, b(FrameStatus.OK.code(), FrameStatus.WIDTH)), "status", late));

        assign(parser.data, data);
        assign(parser.capture, and(sAxis.fire(), storing));
        assign(parser.last, storedEnd);
        assign(parser.len, frameLength);
        assign(parser.rxError, user);
        assign(parser.cut, cutHere);
        assign(metas.push().payload(), parser.meta);

        when(sAxis.fire(), () -> {
            when(last, () -> {
                assign(beatIndex, 0);
                assign(byteCount, 0);
                assign(metaSent, false);
            }).otherwise(() -> {
                when(storing, () -> assign(beatIndex, add(beatIndex, 1)));
                assign(byteCount, frameLength);
                when(metaNow, () -> assign(metaSent, true));
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
