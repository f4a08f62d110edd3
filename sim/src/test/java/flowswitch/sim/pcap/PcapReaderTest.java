package flowswitch.sim.pcap;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static java.nio.ByteOrder.BIG_ENDIAN;
import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PcapReaderTest {
    private static final int MICRO = 0xa1b2c3d4;
    private static final int NANO = 0xa1b23c4d;

    @Test
    void readsBothByteOrdersAndBothResolutions() throws IOException {
        byte[] first = PcapBytes.frame(60, 1);
        byte[] second = PcapBytes.frame(1514, 2);
        for (ByteOrder order : List.of(BIG_ENDIAN, LITTLE_ENDIAN)) {
            PcapReader micro = reader(PcapBytes.ethernet(order, MICRO)
                    .record(3, 250_000, first).record(4, 999_999, second).toBytes());
            assertEquals(order, micro.byteOrder());
            assertEquals(TimestampResolution.MICROSECONDS, micro.resolution());
            assertEquals(65535, micro.snapLength());
            assertEquals(List.of(PcapRecord.of(3_250_000_000L, first), PcapRecord.of(4_999_999_000L, second)),
                    all(micro));

            PcapReader nano = reader(PcapBytes.ethernet(order, NANO).record(7, 123_456_789, first).toBytes());
            assertEquals(TimestampResolution.NANOSECONDS, nano.resolution());
            assertEquals(List.of(PcapRecord.of(7_123_456_789L, first)), all(nano));
        }
    }

    @Test
    void secondsAreUnsigned() throws IOException {
        byte[] frame = PcapBytes.frame(60, 0);
        PcapReader reader = reader(PcapBytes.ethernet(LITTLE_ENDIAN, MICRO).record(0xF000_0000, 1, frame).toBytes());
        assertEquals(0xF000_0000L * 1_000_000_000L + 1_000, reader.next().orElseThrow().timestampNanos());
    }

    @Test
    void returnsATruncatedCaptureAsCaptured() throws IOException {
        byte[] captured = PcapBytes.frame(64, 3);
        PcapRecord record = reader(PcapBytes.ethernet(BIG_ENDIAN, MICRO).record(0, 0, 64, 1500, captured).toBytes())
                .next().orElseThrow();
        assertArrayEquals(captured, record.data());
        assertEquals(1500, record.originalLength());
        assertTrue(record.truncated());
    }

    @Test
    void anEmptyCaptureHasNoRecords() throws IOException {
        assertEquals(Optional.empty(), reader(PcapBytes.ethernet(LITTLE_ENDIAN, MICRO).toBytes()).next());
    }

    @Test
    void refusesAnEmptyFile() {
        assertError(new byte[0], "is empty");
    }

    @Test
    void refusesAFileThatIsNotAPcap() {
        assertError("GET / HTTP/1.1\r\nHost: example\r\n\r\n".getBytes(), "is not a pcap file", "byte offset 0");
        assertError(new byte[] {(byte) 0xa1, (byte) 0xb2}, "is not a pcap file");
    }

    @Test
    void refusesPcapngWithTheCommandToConvertIt() {
        byte[] pcapng = {0x0a, 0x0d, 0x0d, 0x0a, 0, 0, 0, 28, 0x1a, 0x2b, 0x3c, 0x4d};
        assertError(pcapng, "pcapng", "editcap -F pcap");
    }

    @Test
    void refusesATruncatedGlobalHeader() {
        byte[] whole = PcapBytes.ethernet(BIG_ENDIAN, MICRO).toBytes();
        assertError(Arrays.copyOf(whole, 10), "truncated global header", "10 of 24 bytes", "byte offset 10");
    }

    @Test
    void refusesAnotherLinktypeNamingIt() {
        byte[] linuxCooked = PcapBytes.header(LITTLE_ENDIAN, MICRO, 65535, 113).toBytes();
        assertError(linuxCooked, "linktype 113", "only linktype 1 (Ethernet)", "byte offset 20");
    }

    @Test
    void refusesATruncatedRecordHeader() {
        byte[] file = PcapBytes.ethernet(LITTLE_ENDIAN, MICRO).record(0, 0, PcapBytes.frame(60, 0))
                .raw(new byte[7]).toBytes();
        PcapException error = assertRecordError(file, 2);
        assertMessage(error, "record 2 at byte offset 100", "truncated record header", "7 of 16 bytes");
    }

    @Test
    void refusesARecordLongerThanTheFile() {
        byte[] file = PcapBytes.ethernet(BIG_ENDIAN, NANO).record(0, 0, 100, 100, new byte[40]).toBytes();
        PcapException error = assertRecordError(file, 1);
        assertMessage(error, "record 1 at byte offset 24", "longer than the file", "claims 100 bytes",
                "ends after 40");
    }

    @Test
    void refusesARecordLargerThanTheSnaplen() {
        byte[] file = PcapBytes.header(LITTLE_ENDIAN, MICRO, 128, 1).record(0, 0, 129, 129, new byte[129]).toBytes();
        assertMessage(assertRecordError(file, 1), "record 1 at byte offset 24", "129 captured bytes",
                "snaplen 128");
    }

    @Test
    void refusesAnAbsurdRecordLength() {
        // A little-endian length read as big-endian is the usual way to get here.
        byte[] file = PcapBytes.header(BIG_ENDIAN, MICRO, -1, 1).record(0, 0, 256 * 1024 + 1, 256 * 1024 + 1,
                new byte[0]).toBytes();
        assertMessage(assertRecordError(file, 1), "262145 captured bytes", "more than 262144", "corrupt");
    }

    @Test
    void refusesAnOriginalLengthShorterThanTheCapture() {
        byte[] file = PcapBytes.ethernet(BIG_ENDIAN, MICRO).record(0, 0, 60, 59, new byte[60]).toBytes();
        assertMessage(assertRecordError(file, 1), "original length of 59", "60 captured bytes");
    }

    private static PcapReader reader(byte[] file) throws IOException {
        return new PcapReader(new ByteArrayInputStream(file), "test.pcap");
    }

    private static List<PcapRecord> all(PcapReader reader) throws IOException {
        List<PcapRecord> records = new ArrayList<>();
        for (Optional<PcapRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
            records.add(next.get());
        }
        return records;
    }

    /** Reads records until the error; the records before {@code failingRecord} must read fine. */
    private static PcapException assertRecordError(byte[] file, int failingRecord) {
        return assertThrows(PcapException.class, () -> {
            PcapReader reader = reader(file);
            for (int i = 1; i < failingRecord; i++) {
                assertTrue(reader.next().isPresent());
            }
            reader.next();
        });
    }

    private static void assertError(byte[] file, String... parts) {
        assertMessage(assertThrows(PcapException.class, () -> reader(file)), parts);
    }

    private static void assertMessage(PcapException error, String... parts) {
        assertTrue(error.getMessage().startsWith("test.pcap"), error.getMessage());
        for (String part : parts) {
            assertTrue(error.getMessage().contains(part), () -> "'" + part + "' missing in: " + error.getMessage());
        }
        assertFalse(error.getMessage().isBlank());
    }
}
