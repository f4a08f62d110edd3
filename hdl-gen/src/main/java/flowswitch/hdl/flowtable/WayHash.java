package flowswitch.hdl.flowtable;

import static flowswitch.hdl.dsl.Hw.*;

import java.math.BigInteger;
import spinal.core.Bits;
import spinal.core.UInt;

/**
 * The row a key takes in one way: an H3 hash (Carter and Wegman), where row bit j is the parity of the key ANDed
 * with a fixed random mask. In hardware that is one XOR tree per row bit, no multiplier and no pipeline stage, and
 * each way's masks are independent, as multi-way hashing wants. The masks come from SplitMix64 seeded per way, so
 * every build (and every test) computes the same rows.
 */
public final class WayHash {
    private static final long SEED = 0x466C6F7754626C65L; // "FlowTble"

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

    /** The row of {@code key} (a packed {@link FlowKey}), as the hardware computes it. */
    public int row(BigInteger key) {
        int row = 0;
        for (int j = 0; j < masks.length; j++) {
            if (key.and(masks[j]).bitCount() % 2 == 1) row |= 1 << j;
        }
        return row;
    }

    /** The row of {@code key} in hardware: combinational, one XOR tree per row bit. */
    public UInt row(Bits key) {
        Bits row = bits(masks.length);
        for (int j = 0; j < masks.length; j++) assign(bit(row, j), xorReduce(andBits(key, b(masks[j], keyWidth))));
        return asUInt(row);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
