package flowswitch.sim.pcap;

/** The two classic pcap flavours, told apart by the magic number at the start of the file. */
public enum TimestampResolution {
    MICROSECONDS(0xa1b2c3d4, 1_000),
    NANOSECONDS(0xa1b23c4d, 1);

    private final int magic;
    private final long nanosPerUnit;

    TimestampResolution(int magic, long nanosPerUnit) {
        this.magic = magic;
        this.nanosPerUnit = nanosPerUnit;
    }

    /** The magic as written in the file's own byte order. */
    public int magic() {
        return magic;
    }

    /** Nanoseconds in one unit of the record header's fraction field. */
    public long nanosPerUnit() {
        return nanosPerUnit;
    }
}
