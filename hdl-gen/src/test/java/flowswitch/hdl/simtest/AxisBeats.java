package flowswitch.hdl.simtest;

import flowswitch.hdl.dsl.BitLayout;
import flowswitch.hdl.stream.AxisBeat;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Frames to {@link AxisBeat} payloads and back, for one data width, following docs/datapath.md: byte 0 of the
 * frame in lane 0 of the first beat, every beat but the last full, the last beat's keep contiguous from lane 0.
 */
public final class AxisBeats {
    private final BitLayout layout;
    private final int beatBytes;

    public AxisBeats(int dataWidth) {
        this.layout = AxisBeat.layout(dataWidth);
        this.beatBytes = dataWidth / 8;
    }

    public int beatBytes() {
        return beatBytes;
    }

    public int beatsOf(int frameBytes) {
        return (frameBytes + beatBytes - 1) / beatBytes;
    }

    /** The frame's beats; lanes past the end of the frame carry bytes from {@code filler}. */
    public List<BigInteger> encode(AxisFrame frame, Random filler) {
        byte[] bytes = frame.bytes();
        List<BigInteger> beats = new ArrayList<>();
        for (int start = 0; start < bytes.length; start += beatBytes) {
            int count = Math.min(beatBytes, bytes.length - start);
            boolean last = start + count == bytes.length;
            BigInteger data = BigInteger.ZERO;
            for (int lane = 0; lane < beatBytes; lane++) {
                int value = lane < count ? bytes[start + lane] & 0xFF : filler.nextInt(256);
                data = data.or(BigInteger.valueOf(value).shiftLeft(8 * lane));
            }
            beats.add(field("data", data)
                    .or(field("keep", BigInteger.ONE.shiftLeft(count).subtract(BigInteger.ONE)))
                    .or(field("last", last ? BigInteger.ONE : BigInteger.ZERO))
                    .or(field("user", last && frame.user() ? BigInteger.ONE : BigInteger.ZERO)));
        }
        return beats;
    }

    public boolean isLast(BigInteger beat) {
        return get(beat, "last").signum() != 0;
    }

    /** Collects beats into frames, checking the keep rules on the way. */
    public Assembler assembler(String where) {
        return new Assembler(where);
    }

    public final class Assembler {
        private final String where;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private long frames;

        private Assembler(String where) {
            this.where = where;
        }

        /**
         * Adds one beat; returns the frame it completes.
         * @throws AssertionError when the beat breaks the keep rules
         */
        public Optional<AxisFrame> add(BigInteger beat) {
            BigInteger keep = get(beat, "keep");
            boolean last = isLast(beat);
            int count = keep.bitCount();
            boolean contiguous = keep.equals(BigInteger.ONE.shiftLeft(count).subtract(BigInteger.ONE));
            if (!last && count != beatBytes || last && (count == 0 || !contiguous)) {
                throw new AssertionError(where + " frame " + frames + ": beat with keep " + keep.toString(2)
                        + (last ? " (last)" : " (not last)") + " breaks the keep rules");
            }
            byte[] data = get(beat, "data").toByteArray();
            for (int lane = 0; lane < count; lane++) {
                int index = data.length - 1 - lane;
                bytes.write(index >= 0 ? data[index] : 0);
            }
            if (!last) return Optional.empty();
            AxisFrame frame = new AxisFrame(bytes.toByteArray(), get(beat, "user").signum() != 0);
            bytes.reset();
            frames++;
            return Optional.of(frame);
        }
    }

    private BigInteger field(String name, BigInteger value) {
        return value.shiftLeft(layout.field(name).lsb());
    }

    private BigInteger get(BigInteger beat, String name) {
        BitLayout.Field f = layout.field(name);
        return beat.shiftRight(f.lsb()).and(BigInteger.ONE.shiftLeft(f.width()).subtract(BigInteger.ONE));
    }
}
