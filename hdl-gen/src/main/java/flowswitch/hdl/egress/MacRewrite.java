package flowswitch.hdl.egress;

import static flowswitch.hdl.dsl.Hw.*;

import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.UInt;

/**
 * The MAC rewrite on a frame's beats: frame bytes 0..5 become the destination MAC and bytes 6..11 the switch MAC.
 * A MAC arrives as a 48-bit number with octet 0 in bits 47:40, while byte 0 of the frame travels in byte lane 0
 * (bits 7:0), so the octets are reversed into lane order. At 64 bits the twelve bytes span the first two beats.
 */
final class MacRewrite {
    static final int HEADER_BYTES = 12;
    static final int MAC_BITS = 48;

    private MacRewrite() {}

    /** How many leading beats of a frame hold rewritten bytes. */
    static int headerBeats(int dataWidth) {
        int beatBytes = dataWidth / 8;
        return (HEADER_BYTES + beatBytes - 1) / beatBytes;
    }

    /**
     * {@code data} of beat number {@code beat} (counted from 0, saturating at {@link #headerBeats}) with the header
     * bytes it covers replaced when {@code enable} is set.
     */
    static Bits apply(Bits data, UInt beat, Bool enable, Bits dstMac, Bits switchMac) {
        int dataWidth = data.getBitsWidth();
        int beatBytes = dataWidth / 8;
        Bits header = cat(laneOrder(switchMac), laneOrder(dstMac));
        Bits result = data;
        for (int b = 0; b < headerBeats(dataWidth); b++) {
            int first = b * beatBytes;
            int count = Math.min(beatBytes, HEADER_BYTES - first);
            Bits bytes = slice(header, first * 8, count * 8);
            Bits rewritten = count == beatBytes ? bytes : cat(slice(data, count * 8, dataWidth - count * 8), bytes);
            result = mux(and(enable, eq(beat, b)), rewritten, result);
        }
        return result;
    }

    /** The MAC's octet 0 in bits 7:0, octet 5 in bits 47:40. */
    private static Bits laneOrder(Bits mac) {
        Bits out = slice(mac, 0, 8);
        for (int octet = 1; octet < MAC_BITS / 8; octet++) out = cat(out, slice(mac, octet * 8, 8));
        return out;
    }
}
