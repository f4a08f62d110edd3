package flowswitch.sim.pcap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PcapWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesAMicrosecondLittleEndianEthernetHeader() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PcapWriter(out).close();
        byte[] expected = {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2, (byte) 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                (byte) 0xff, (byte) 0xff, 0, 0, 1, 0, 0, 0};
        assertArrayEquals(expected, out.toByteArray());
    }

    @Test
    void writesRecordHeadersFieldByField() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PcapWriter writer = new PcapWriter(out)) {
            writer.write(new PcapRecord(5_000_042_999L, PcapBytes.frame(60, 9), 1514));
        }
        ByteBuffer record = ByteBuffer.wrap(out.toByteArray(), 24, 16).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(5, record.getInt());
        assertEquals(42, record.getInt());
        assertEquals(60, record.getInt());
        assertEquals(1514, record.getInt());
        assertEquals(24 + 16 + 60, out.size());
    }

    @Test
    void roundTripsRecordsThroughAFile() throws IOException {
        List<PcapRecord> records = List.of(
                PcapRecord.of(0, PcapBytes.frame(60, 1)),
                PcapRecord.of(1_000, PcapBytes.frame(64, 2)),
                new PcapRecord(2_500_000_000L, PcapBytes.frame(100, 3), 1518),
                PcapRecord.of(3_000_001_000L, PcapBytes.frame(1518, 4)),
                PcapRecord.of(3_000_002_000L, PcapBytes.frame(9000, 5)));
        Path file = dir.resolve("round.pcap");
        PcapWriter.writeAll(file, records);
        assertEquals(records, PcapReader.readAll(file));
    }

    @Test
    void truncatesNanosecondsToMicroseconds() throws IOException {
        Path file = dir.resolve("nanos.pcap");
        PcapWriter.writeAll(file, List.of(PcapRecord.of(1_234_567_891L, PcapBytes.frame(60, 0))));
        assertEquals(1_234_567_000L, PcapReader.readAll(file).get(0).timestampNanos());
    }

    @Test
    void refusesAFrameLongerThanTheSnaplen() throws IOException {
        try (PcapWriter writer = new PcapWriter(new ByteArrayOutputStream())) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> writer.write(0, new byte[65536]));
            assertTrue(error.getMessage().contains("65536-byte frame"), error.getMessage());
        }
    }

    @Test
    void tsharkReadsTheWrittenFile() throws Exception {
        assumeTrue(onPath("tshark"), "tshark is not installed");
        Path file = dir.resolve("tshark.pcap");
        byte[] arp = new byte[60];
        System.arraycopy(new byte[] {-1, -1, -1, -1, -1, -1, 2, 0, 0, 0, 0, 1, 0x08, 0x06}, 0, arp, 0, 14);
        PcapWriter.writeAll(file, List.of(PcapRecord.of(1_000_000, arp), PcapRecord.of(2_000_000, arp)));
        // Only stdout holds the fields: tshark warns on stderr when it runs as root.
        Path errors = dir.resolve("tshark.err");
        Process tshark = new ProcessBuilder("tshark", "-r", file.toString(), "-T", "fields", "-e", "frame.len",
                "-e", "eth.type").redirectError(errors.toFile()).start();
        String output = new String(tshark.getInputStream().readAllBytes());
        assertTrue(tshark.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, tshark.exitValue(), output + Files.readString(errors));
        assertEquals(List.of("60\t0x0806", "60\t0x0806"), output.lines().toList(), output);
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(":")).stream().anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }
}
