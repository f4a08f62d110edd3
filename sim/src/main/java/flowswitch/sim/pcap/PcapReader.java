package flowswitch.sim.pcap;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static flowswitch.sim.pcap.PcapFormat.GLOBAL_HEADER_BYTES;
import static flowswitch.sim.pcap.PcapFormat.LINKTYPE_ETHERNET;
import static flowswitch.sim.pcap.PcapFormat.MAX_RECORD_BYTES;
import static flowswitch.sim.pcap.PcapFormat.NANOS_PER_SECOND;
import static flowswitch.sim.pcap.PcapFormat.PCAPNG_MAGIC;
import static flowswitch.sim.pcap.PcapFormat.RECORD_HEADER_BYTES;

/**
 * Streams the records of a classic pcap file (either byte order, microsecond or nanosecond timestamps, linktype
 * Ethernet). The global header is checked when the reader is made; each record when it is read.
 */
public final class PcapReader implements Closeable {
    private final InputStream in;
    private final String source;
    private final ByteOrder order;
    private final TimestampResolution resolution;
    private final int snapLength;
    private long offset;
    private long recordNumber;

    /** @param source how errors name the input, usually its path */
    public PcapReader(InputStream in, String source) throws IOException {
        this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in);
        this.source = source;
        byte[] header = new byte[GLOBAL_HEADER_BYTES];
        int got = readUpTo(header);
        if (got == 0) {
            throw error(0, "is empty; a pcap file starts with a 24-byte global header");
        }
        if (got >= 4 && ByteBuffer.wrap(header).getInt() == PCAPNG_MAGIC) {
            throw error(0, "is a pcapng file, not a classic pcap; convert it with `editcap -F pcap IN OUT`");
        }
        Magic magic = got >= 4 ? Magic.of(header) : null;
        if (magic == null) {
            throw error(0, "is not a pcap file (no pcap magic number in its first 4 bytes); pass a classic libpcap"
                    + " capture, e.g. one written by `tcpdump -w` or `editcap -F pcap`");
        }
        if (got < GLOBAL_HEADER_BYTES) {
            throw error(got, "has a truncated global header (" + got + " of " + GLOBAL_HEADER_BYTES
                    + " bytes); the file was cut short, capture it again");
        }
        this.order = magic.order;
        this.resolution = magic.resolution;
        ByteBuffer fields = ByteBuffer.wrap(header).order(order);
        this.snapLength = fields.getInt(16);
        int linkType = fields.getInt(20);
        if (linkType != LINKTYPE_ETHERNET) {
            throw error(20, "has linktype " + Integer.toUnsignedString(linkType) + ", but only linktype "
                    + LINKTYPE_ETHERNET + " (Ethernet) can be replayed; capture on an Ethernet interface"
                    + " (not `any`, which gives linktype 113)");
        }
        this.offset = GLOBAL_HEADER_BYTES;
    }

    public static PcapReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            return new PcapReader(in, file.toString());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Every record of a file, checked to the end before any is returned. */
    public static List<PcapRecord> readAll(Path file) throws IOException {
        try (PcapReader reader = open(file)) {
            List<PcapRecord> records = new ArrayList<>();
            for (Optional<PcapRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
                records.add(next.get());
            }
            return records;
        }
    }

    public ByteOrder byteOrder() {
        return order;
    }

    public TimestampResolution resolution() {
        return resolution;
    }

    public int snapLength() {
        return snapLength;
    }

    /** The next record, or empty at the end of the file. */
    public Optional<PcapRecord> next() throws IOException {
        long recordOffset = offset;
        byte[] header = new byte[RECORD_HEADER_BYTES];
        int got = readUpTo(header);
        if (got == 0) {
            return Optional.empty();
        }
        recordNumber++;
        if (got < RECORD_HEADER_BYTES) {
            throw recordError(recordOffset, "has a truncated record header (" + got + " of " + RECORD_HEADER_BYTES
                    + " bytes); the capture was cut short, cut the file before byte offset " + recordOffset);
        }
        ByteBuffer fields = ByteBuffer.wrap(header).order(order);
        long seconds = Integer.toUnsignedLong(fields.getInt());
        long fraction = Integer.toUnsignedLong(fields.getInt());
        long included = Integer.toUnsignedLong(fields.getInt());
        long original = Integer.toUnsignedLong(fields.getInt());
        if (included > MAX_RECORD_BYTES) {
            throw recordError(recordOffset, "claims " + included + " captured bytes (more than "
                    + MAX_RECORD_BYTES + "); the file is corrupt");
        }
        if (included > Integer.toUnsignedLong(snapLength)) {
            throw recordError(recordOffset, "claims " + included + " captured bytes, more than the file's snaplen "
                    + Integer.toUnsignedString(snapLength) + "; the file is corrupt");
        }
        if (original < included) {
            throw recordError(recordOffset, "claims an original length of " + original + " bytes, shorter than its "
                    + included + " captured bytes; the file is corrupt");
        }
        byte[] data = new byte[(int) included];
        int read = readUpTo(data);
        if (read < included) {
            throw recordError(recordOffset, "is longer than the file: it claims " + included + " bytes but the file"
                    + " ends after " + read + "; the capture was cut short, cut the file before byte offset "
                    + recordOffset);
        }
        long nanos = seconds * NANOS_PER_SECOND + fraction * resolution.nanosPerUnit();
        // orig_len can exceed an int only in a corrupt file; it is at least `included` here, which fits.
        int originalLength = (int) Math.min(original, Integer.MAX_VALUE);
        return Optional.of(new PcapRecord(nanos, data, originalLength));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Reads until {@code buffer} is full or the input ends; advances {@link #offset} by what was read. */
    private int readUpTo(byte[] buffer) throws IOException {
        int total = in.readNBytes(buffer, 0, buffer.length);
        offset += total;
        return total;
    }

    private PcapException error(long at, String problem) {
        return new PcapException(source + " (byte offset " + at + ") " + problem);
    }

    private PcapException recordError(long at, String problem) {
        return new PcapException(source + ": record " + recordNumber + " at byte offset " + at + " " + problem);
    }

    private record Magic(ByteOrder order, TimestampResolution resolution) {
        static Magic of(byte[] header) {
            for (ByteOrder order : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
                int word = ByteBuffer.wrap(header, 0, 4).order(order).getInt();
                for (TimestampResolution resolution : TimestampResolution.values()) {
                    if (word == resolution.magic()) {
                        return new Magic(order, resolution);
                    }
                }
            }
            return null;
        }
    }
}
