package flowswitch.hdl.flowtable;

import static flowswitch.hdl.dsl.Hw.*;

import java.math.BigInteger;
import spinal.core.Bits;
import spinal.core.UInt;

/**
 * The row a key takes in one way: an H3 hash (Carter and Wegman), where row bit j is the parity of the key ANDed
 * with a fixed random mask, applied to the key after two rounds of Keccak's chi (each bit XORed with the AND of the
 * next bit inverted and the one after, with a rotation between the rounds). H3 alone is linear, so keys that differ
 * only in a few bits, as one client's ports or a block of client addresses do, land on rows that are linear images
 * of each other in every way at once and collide in clusters; chi makes it non-linear for one LUT per key bit and
 * round. In hardware that is one XOR tree per row bit, no multiplier and no pipeline stage, and each way's masks are
 * independent, as multi-way hashing wants. The masks come from SplitMix64 seeded per way, so every build (and every
 * test) computes the same rows.
 */
public final class WayHash {
    private static final long SEED = 0x466C6F7754626C65L; // "FlowTble"
    /** Between the chi rounds, so each round's bit neighbours differ. */
    private static final int ROTATION = 29;

    private final BigInteger[] masks;
    private final int keyWidth;

    private WayHash(int way, int keyWidth, int rowBits) {
        this.keyWidth = keyWidth;
        this.masks = new BigInteger[rowBits];
        long state = SEED + way * 0x9E3779B97F4A7C15L;
        for (int j = 0; j < rowBits; j++) {
            BigInteger mask = BigInteger.ZERO;
            for (int word = 0; word * 64 < keyWidth; word++) {
                state += 0x9E3779B97F4A7C15L;
                mask = mask.or(BigInteger.valueOf(mix(state)).and(LONG_MASK).shiftLeft(64 * word));
            }
            masks[j] = mask.and(BigInteger.ONE.shiftLeft(keyWidth).subtract(BigInteger.ONE));
        }
    }

    private static final BigInteger LONG_MASK = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    public static WayHash of(int way, FlowTableConfig cfg) {
        return new WayHash(way, cfg.keyWidth(), cfg.indexWidth());
    }

    /**
     * The 32-bit hash that indexes a service's Maglev table (docs/datapath.md "Maglev"): the same mix, with masks
     * drawn past any way's, so the Maglev entry is independent of the rows a key takes. {@link #row} gives it as the
     * int's 32 bits.
     */
    public static WayHash maglev(int keyWidth) {
        return new WayHash(MAGLEV_STREAM, keyWidth, 32);
    }

    /** Seeds the Maglev masks; ways are numbered from 0 and stay far below it. */
    private static final int MAGLEV_STREAM = 1 << 16;

    /** The row of {@code key} (a packed {@link FlowKey}), as the hardware computes it. */
    public int row(BigInteger key) {
        BigInteger mixed = chi(rotate(chi(key)));
        int row = 0;
        for (int j = 0; j < masks.length; j++) {
            if (mixed.and(masks[j]).bitCount() % 2 == 1) row |= 1 << j;
        }
        return row;
    }

    /** The non-linear step of every way's hash, in hardware: computed once per key and shared by the ways. */
    public static Bits mix(Bits key) {
        int width = key.getBitsWidth();
        return chi(rotate(chi(key, width), width), width);
    }

    /** The row of a key already {@link #mix mixed}, in hardware: combinational, one XOR tree per row bit. */
    public UInt rowOfMixed(Bits mixed) {
        Bits row = bits(masks.length);
        for (int j = 0; j < masks.length; j++) assign(bit(row, j), xorReduce(andBits(mixed, b(masks[j], keyWidth))));
        return asUInt(row);
    }

    private BigInteger chi(BigInteger x) {
        BigInteger y = BigInteger.ZERO;
        for (int i = 0; i < keyWidth; i++) {
            boolean next = x.testBit((i + 1) % keyWidth);
            boolean after = x.testBit((i + 2) % keyWidth);
            if (x.testBit(i) ^ (!next && after)) y = y.setBit(i);
        }
        return y;
    }

    private static Bits chi(Bits x, int width) {
        Bits y = bits(width);
        for (int i = 0; i < width; i++) {
            assign(bit(y, i), xor(bit(x, i), and(not(bit(x, (i + 1) % width)), bit(x, (i + 2) % width))));
        }
        return y;
    }

    private BigInteger rotate(BigInteger x) {
        int r = ROTATION % keyWidth;
        BigInteger all = BigInteger.ONE.shiftLeft(keyWidth).subtract(BigInteger.ONE);
        return x.shiftLeft(r).or(x.shiftRight(keyWidth - r)).and(all);
    }

    private static Bits rotate(Bits x, int width) {
        int r = ROTATION % width;
        return r == 0 ? x : cat(slice(x, 0, width - r), slice(x, width - r, r));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
