package flowswitch.sim.testbed;

import flowswitch.sim.pcap.PcapReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * tshark capturing a testbed host's link inside its namespace into a file, then reading the file back with
 * Wireshark's own IP and TCP checksum validation switched on.
 */
final class TsharkCapture implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(10);
    /** tshark's word on stderr once the capture runs. */
    private static final String CAPTURING = "Capturing on";

    /** Wireshark's verdict on a checksum, as {@code -T fields} prints it (epan's proto_checksum_enum_e). */
    enum ChecksumStatus {
        BAD, GOOD, UNVERIFIED, NOT_PRESENT, ILLEGAL;

        static ChecksumStatus of(String field) {
            return values()[Integer.parseInt(field)];
        }
    }

    /** One IPv4 frame of the capture. */
    record IpFrame(String source, String destination, ChecksumStatus ip, ChecksumStatus tcp) {
    }

    private final Process process;
    private final Path dir;
    private final Path file;
    private final Path log;

    private TsharkCapture(Process process, Path dir, Path file, Path log) {
        this.process = process;
        this.dir = dir;
        this.file = file;
        this.log = log;
    }

    /** Starts capturing on {@code host}'s link and returns once tshark says it captures. */
    static TsharkCapture start(TestbedHost host) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("flowswitch-testbed-capture");
        Path file = dir.resolve("uplink.pcap");
        Path log = dir.resolve("tshark.log");
        // Classic pcap, which the project's reader counts while tshark writes it.
        Process process = new ProcessBuilder("ip", "netns", "exec", host.namespace(), "tshark", "-q", "-i",
                host.link(), "-F", "pcap", "-w", file.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        TsharkCapture capture = new TsharkCapture(process, dir, file, log);
        if (!Wait.until(START_TIMEOUT, Duration.ofMillis(50), () -> capture.said(CAPTURING) || !process.isAlive())
                || !capture.said(CAPTURING)) {
            String said = Files.readString(log).trim();
            capture.close();
            throw new AssertionError("tshark did not start capturing on " + host.link() + ": " + said);
        }
        return capture;
    }

    /**
     * Stops the capture once the file holds at least {@code frames} frames (or after {@link #FLUSH_TIMEOUT}), and
     * reads every IPv4 frame of it back. Waiting matters: the kernel hands frames to the capture in blocks, and a
     * block still open when tshark stops is lost with its frames.
     */
    List<IpFrame> stopAndRead(int frames) throws IOException, InterruptedException {
        Wait.until(FLUSH_TIMEOUT, Duration.ofMillis(100), () -> framesSoFar() >= frames);
        stop();
        // Apart from stdout: as root tshark warns on stderr, which would be taken for a frame.
        Path fields = dir.resolve("fields.txt");
        Path errors = dir.resolve("read.log");
        Process read = new ProcessBuilder("tshark", "-r", file.toString(), "-o", "tcp.check_checksum:TRUE",
                "-o", "ip.check_checksum:TRUE", "-Y", "ip", "-T", "fields", "-e", "ip.src", "-e", "ip.dst",
                "-e", "ip.checksum.status", "-e", "tcp.checksum.status")
                .redirectOutput(fields.toFile()).redirectError(errors.toFile()).start();
        try {
            if (!read.waitFor(READ_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                read.destroyForcibly().waitFor();
                throw new AssertionError("tshark did not read " + file + " back within " + READ_TIMEOUT.toSeconds()
                        + " s");
            }
            if (read.exitValue() != 0) {
                throw new AssertionError("tshark could not read " + file + " back: " + Files.readString(errors).trim());
            }
            return Files.readAllLines(fields).stream().filter(l -> !l.isBlank()).map(TsharkCapture::frame).toList();
        } finally {
            Files.deleteIfExists(fields);
            Files.deleteIfExists(errors);
        }
    }

    private static IpFrame frame(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 4) throw new AssertionError("tshark printed an unexpected line: " + line);
        return new IpFrame(f[0], f[1], ChecksumStatus.of(f[2]),
                f[3].isEmpty() ? ChecksumStatus.NOT_PRESENT : ChecksumStatus.of(f[3]));
    }

    /** The whole frames tshark has written so far (it flushes the file about twice a second). */
    private int framesSoFar() {
        int count = 0;
        try (PcapReader reader = PcapReader.open(file)) {
            while (reader.next().isPresent()) count++;
        } catch (IOException e) {
            // Not written yet, or its last frame only in part: what came before counts.
        }
        return count;
    }

    private boolean said(String word) {
        try {
            return Files.readString(log).contains(word);
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGTERM, on which tshark finishes the file it writes. */
    private void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
        Files.deleteIfExists(file);
        Files.deleteIfExists(log);
        Files.deleteIfExists(dir);
    }
}
