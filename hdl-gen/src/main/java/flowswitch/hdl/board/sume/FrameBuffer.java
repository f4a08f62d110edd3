package flowswitch.hdl.board.sume;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.hdl.dsl.BitLayout;
import flowswitch.hdl.dsl.Fifo;
import flowswitch.hdl.dsl.HwComponent;
import flowswitch.hdl.stream.AxisBeat;
import java.util.Map;
import spinal.core.Bits;
import spinal.core.UInt;
import spinal.lib.Stream;

/**
 * Stores the frames of one switch output whole and counts their bytes, because the SUME pipeline wants a frame's
 * length in tuser on its first beat, and the switch knows it only at the last. {@link #mLength} has one entry per
 * frame ({@link SumeStream#FRAME}: the length, and the switch's abort flag from its last beat), available once all
 * of the frame is in {@link #mFrames}.
 */
public final class FrameBuffer extends HwComponent {
    private static final int LENGTHS = 16;

    public final Stream<Bits> sFrames;
    public final Stream<Bits> mFrames;
    public final Stream<Bits> mLength;

    final Fifo<Bits> frames;
    final Fifo<Bits> lengths;
    final UInt count = regUInt(SumeStream.LENGTH_WIDTH, 0);

    public FrameBuffer(int depthBeats) {
        BitLayout beat = AxisBeat.layout(SumeStream.DATA_WIDTH);
        sFrames = slave(stream(beat::newBits));
        mFrames = master(stream(beat::newBits));
        mLength = master(stream(SumeStream.FRAME::newBits));
        frames = fifo(beat::newBits, depthBeats);
        lengths = fifo(SumeStream.FRAME::newBits, LENGTHS);

        var last = beat.getBool(sFrames.payload(), "last");
        UInt length = add(count, resize(countOnes(beat.get(sFrames.payload(), "keep")), SumeStream.LENGTH_WIDTH));
        assign(frames.push().valid(), and(sFrames.valid(), or(not(last), lengths.push().ready())));
        assign(frames.push().payload(), sFrames.payload());
        assign(lengths.push().valid(), and(sFrames.valid(), last, frames.push().ready()));
        SumeStream.FRAME.assignAll(lengths.push().payload(),
                Map.of("length", length, "aborted", beat.getBool(sFrames.payload(), "user")));
        assign(sFrames.ready(), and(frames.push().ready(), or(not(last), lengths.push().ready())));
        when(sFrames.fire(), () -> assign(count, mux(last, u(0, SumeStream.LENGTH_WIDTH), length)));
        connect(frames.pop(), mFrames);
        connect(lengths.pop(), mLength);
    }
}
