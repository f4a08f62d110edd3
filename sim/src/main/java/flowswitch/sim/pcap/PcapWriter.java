package flowswitch.sim.pcap;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static flowswitch.sim.pcap.PcapFormat.GLOBAL_HEADER_BYTES;
import static flowswitch.sim.pcap.PcapFormat.LINKTYPE_ETHERNET;
import static flowswitch.sim.pcap.PcapFormat.NANOS_PER_SECOND;
import static flowswitch.sim.pcap.PcapFormat.RECORD_HEADER_BYTES;
import static flowswitch.sim.pcap.PcapFormat.VERSION_MAJOR;
import static flowswitch.sim.pcap.PcapFormat.VERSION_MINOR;
import static flowswitch.sim.pcap.PcapFormat.WRITER_SNAPLEN;

/**
 * Writes classic pcap: microsecond timestamps (nanoseconds are truncated), little-endian, linktype Ethernet,
 * snaplen 65535, the format every tool reads.
 */
public final class PcapWriter implements Closeable {
    private static final long MAX_SECONDS = 0xFFFF_FFFFL;
    private final OutputStream out;

    /** Writes the global header at once, so even a file with no records is a valid pcap. */
    public PcapWriter(OutputStream out) throws IOException {
        this.out = out instanceof BufferedOutputStream ? out : new BufferedOutputStream(out);
        ByteBuffer header = ByteBuffer.allocate(GLOBAL_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(TimestampResolution.MICROSECONDS.magic())
                .putShort((short) VERSION_MAJOR).putShort((short) VERSION_MINOR)
                .putInt(0) // thiszone: timestamps are UTC
                .putInt(0) // sigfigs: always 0 in practice
                .putInt(WRITER_SNAPLEN)
                .putInt(LINKTYPE_ETHERNET);
        this.out.write(header.array());
    }

    public static PcapWriter create(Path file) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        try {
            return new PcapWriter(out);
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

    public static void writeAll(Path file, List<PcapRecord> records) throws IOException {
        try (PcapWriter writer = create(file)) {
            for (PcapRecord record : records) {
                writer.write(record);
            }
        }
    }

    /** @throws IllegalArgumentException for a frame longer than the snaplen or a time past 2106 */
    public void write(PcapRecord record) throws IOException {
        byte[] data = record.data();
        if (data.length > WRITER_SNAPLEN) {
            throw new IllegalArgumentException("a " + data.length + "-byte frame does not fit the snaplen "
                    + WRITER_SNAPLEN + "; split or shorten it");
        }
        long seconds = record.timestampNanos() / NANOS_PER_SECOND;
        if (seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("timestamp " + record.timestampNanos()
                    + " ns is past what pcap's 32-bit seconds field holds");
        }
        long micros = record.timestampNanos() % NANOS_PER_SECOND / TimestampResolution.MICROSECONDS.nanosPerUnit();
        ByteBuffer header = ByteBuffer.allocate(RECORD_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt((int) seconds).putInt((int) micros).putInt(data.length).putInt(record.originalLength());
        out.write(header.array());
        out.write(data);
    }

    public void write(long timestampNanos, byte[] frame) throws IOException {
        write(PcapRecord.of(timestampNanos, frame));
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
