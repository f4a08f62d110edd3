package flowswitch.sim.pcap;

import java.util.Arrays;

/**
 * One captured frame. {@code data} is what was captured; {@code originalLength} is the length on the wire, larger
 * than {@code data.length} when the capture cut the frame short.
 */
public record PcapRecord(long timestampNanos, byte[] data, int originalLength) {
    public PcapRecord {
        if (timestampNanos < 0) {
            throw new IllegalArgumentException("timestamp " + timestampNanos + " ns is before 1970; use 0 or later");
        }
        if (originalLength < data.length) {
            throw new IllegalArgumentException("original length " + originalLength
                    + " is shorter than the " + data.length + " captured bytes");
        }
        data = data.clone();
    }

    /** A frame captured whole. */
    public static PcapRecord of(long timestampNanos, byte[] frame) {
        return new PcapRecord(timestampNanos, frame, frame.length);
    }

    /** A copy: records are values and compare by content. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    public boolean truncated() {
        return data.length < originalLength;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PcapRecord that && timestampNanos == that.timestampNanos
                && originalLength == that.originalLength && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(timestampNanos) * 31 + Arrays.hashCode(data) * 17 + originalLength;
    }

    @Override
    public String toString() {
        return "PcapRecord[t=" + timestampNanos + "ns, " + data.length + "/" + originalLength + " bytes]";
    }
}
