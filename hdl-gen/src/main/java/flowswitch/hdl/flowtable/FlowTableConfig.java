package flowswitch.hdl.flowtable;

import flowswitch.config.HardwareParams;
import flowswitch.hdl.dsl.BitLayout;
import flowswitch.hdl.dsl.Hw;

/**
 * Sizes of the connection table (docs/datapath.md "Flow table").
 *
 * @param entries      connections held in the ways (a power of two), split evenly over the ways
 * @param ways         hash ways, each its own block RAM with its own hash of the key (a power of two, 2..8)
 * @param slotsPerRow  entries side by side in one RAM word (1, 2 or 4): a key has ways × slots places to go
 * @param stashEntries fully associative entries (registers) for connections whose buckets are all taken; the
 *                     relocator moves them into the ways in the background (a power of two, 1..32)
 * @param serviceBits  bits of the service slot in a {@link FlowKey}
 * @param valueWidth   bits stored per connection (the server slot)
 * @param timeWidth    bits of the last-seen time stamp, in ticks of the aging clock
 * @param maxKicks     relocations tried for one stash entry before the relocator turns to the next one
 */
public record FlowTableConfig(int entries, int ways, int slotsPerRow, int stashEntries, int serviceBits, int valueWidth, int timeWidth,
                              int maxKicks) {
    public static final int MIN_ENTRIES = 16;
    public static final int MAX_ENTRIES = 262144;

    public FlowTableConfig {
        powerOfTwo("entries", entries, MIN_ENTRIES, MAX_ENTRIES);
        powerOfTwo("ways", ways, 2, 8);
        powerOfTwo("slotsPerRow", slotsPerRow, 1, 4);
        powerOfTwo("stashEntries", stashEntries, 1, 32);
        if (entries / (ways * slotsPerRow) < 2) {
            throw new IllegalArgumentException("rows per way (" + entries / (ways * slotsPerRow) + ") must be at least"
                    + " 2: use fewer ways or slots per row for " + entries + " entries");
        }
        // The sweeper clears stash slot (row mod stashEntries) at each row, so a flush reaches every slot.
        if (entries / (ways * slotsPerRow) < stashEntries) {
            throw new IllegalArgumentException("rows per way (" + entries / (ways * slotsPerRow) + ") must be at least"
                    + " stashEntries (" + stashEntries + ")");
        }
        if (serviceBits < 1 || serviceBits > 8) throw new IllegalArgumentException("serviceBits must be 1..8, got " + serviceBits);
        if (valueWidth < 1 || valueWidth > 16) {
            throw new IllegalArgumentException("valueWidth must be 1..16, got " + valueWidth);
        }
        if (timeWidth < 4 || timeWidth > 32) throw new IllegalArgumentException("timeWidth must be 4..32, got " + timeWidth);
        if (maxKicks < 1) throw new IllegalArgumentException("maxKicks must be positive, got " + maxKicks);
    }

    public static FlowTableConfig defaults() {
        return of(1024, 2, 4);
    }

    /** The table of a build: a key with room for every service slot, a value for every server slot. */
    public static FlowTableConfig forHardware(HardwareParams hw) {
        return of(hw.flowTableSize(), Hw.log2Up(hw.maxServices()), Integer.numberOfTrailingZeros(hw.maxServers()));
    }

    /**
     * Four ways of four-entry rows (two-entry rows under 64 entries, so each way keeps two rows), a stash of up to 8
     * entries, 16-bit time stamps: what every build uses, sized by {@code entries}. Sixteen places per key, filled
     * emptiest row first, keep a new connection out of the stash until the table is ~95% full even when every
     * decision brings one (FlowTableFillBench); with two-entry rows the one kick per decision the relocator gets
     * ran out at 87%.
     */
    public static FlowTableConfig of(int entries, int serviceBits, int valueWidth) {
        int slots = entries >= 64 ? 4 : 2;
        return new FlowTableConfig(entries, 4, slots, Math.min(8, entries / (4 * slots)), serviceBits, valueWidth, 16,
                32);
    }

    public BitLayout keyLayout() {
        return FlowKey.layout(serviceBits);
    }

    public int keyWidth() {
        return keyLayout().width();
    }

    /** Rows of each way's RAM. */
    public int depth() {
        return entries / (ways * slotsPerRow);
    }

    /** Places a key may go in the ways: {@code ways × slotsPerRow}, numbered way-major (way w slot s is w × slots + s). */
    public int candidates() {
        return ways * slotsPerRow;
    }

    public int indexWidth() {
        return Integer.numberOfTrailingZeros(depth());
    }

    /**
     * A location numbers every entry: way w row r slot s is {@code (w × depth + r) × slotsPerRow + s}; stash slot i is
     * {@code entries + i}.
     */
    public int locationWidth() {
        return Hw.log2Up(entries + stashEntries);
    }

    /** Bits that count entries, 0..entries + stashEntries. */
    public int countWidth() {
        return Hw.bitsFor(entries + stashEntries);
    }

    /** One stored connection, as a RAM word and a stash register hold it. */
    public BitLayout entryLayout() {
        return FlowEntry.layout(keyWidth(), valueWidth, timeWidth);
    }

    private static void powerOfTwo(String name, int value, int min, int max) {
        if (value < min || value > max || Integer.bitCount(value) != 1) {
            throw new IllegalArgumentException(name + " must be a power of two in " + min + ".." + max + ", got " + value);
        }
    }
}
