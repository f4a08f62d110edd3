package flowswitch.hdl.decision;

import flowswitch.config.HardwareParams;
import flowswitch.config.Primes;
import flowswitch.hdl.dsl.Hw;
import flowswitch.hdl.flowtable.FlowKey;

/**
 * @param servers   server slots (a power of two): an entry is a slot number
 * @param services  service slots, each with its own table
 * @param tableSize entries per table, a prime (docs/datapath.md "Maglev")
 */
public record MaglevLookupConfig(int servers, int services, int tableSize) {
    /** A host write carries one register's worth of entries. */
    public static final int WRITE_BITS = 32;

    public MaglevLookupConfig {
        if (servers < 2 || servers > 256 || Integer.bitCount(servers) != 1) {
            throw new IllegalArgumentException("servers must be a power of two in 2..256, got " + servers);
        }
        if (services < 1 || services > 16) throw new IllegalArgumentException("services must be 1..16, got " + services);
        if (tableSize < 2 || tableSize > HardwareParams.MAGLEV_MAX_TABLE_SIZE || !Primes.isPrime(tableSize)) {
            throw new IllegalArgumentException("tableSize must be a prime in 2.." + HardwareParams.MAGLEV_MAX_TABLE_SIZE
                    + ", got " + tableSize);
        }
    }

    public static MaglevLookupConfig defaults() {
        return forHardware(HardwareParams.defaults());
    }

    public static MaglevLookupConfig forHardware(HardwareParams hw) {
        return new MaglevLookupConfig(hw.maxServers(), hw.maxServices(), hw.maglevTableSize());
    }

    public int entryBits() {
        return Integer.numberOfTrailingZeros(servers);
    }

    public int serviceBits() {
        return Hw.log2Up(services);
    }

    /** Entries per RAM word and per host write: a power of two, so an entry's row and lane are bit fields. */
    public int entriesPerRow() {
        return Integer.highestOneBit(WRITE_BITS / entryBits());
    }

    public int laneBits() {
        return Integer.numberOfTrailingZeros(entriesPerRow());
    }

    /** Rows one table takes. */
    public int rows() {
        return (tableSize + entriesPerRow() - 1) / entriesPerRow();
    }

    public int rowBits() {
        return Hw.log2Up(rows());
    }

    /** Bits of an entry index, 0..tableSize-1. */
    public int indexBits() {
        return Hw.bitsFor(tableSize - 1);
    }

    public int keyWidth() {
        return FlowKey.layout(serviceBits()).width();
    }
}
