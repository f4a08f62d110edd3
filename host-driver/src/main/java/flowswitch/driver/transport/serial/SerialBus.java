package flowswitch.driver.transport.serial;

import flowswitch.driver.transport.DeviceException;
import flowswitch.driver.transport.RegisterBus;
import flowswitch.driver.transport.serial.ResponseScanner.Finding;
import flowswitch.driver.transport.serial.protocol.UartOp;
import flowswitch.driver.transport.serial.protocol.UartRequest;
import flowswitch.driver.transport.serial.protocol.UartStatus;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The register bus of a device reached through its UART bridge (hdl-gen/docs/uart-protocol.md). Each access is one
 * request and one response, paired by seq and checked by CRC. When an attempt fails (no response in time, a damaged
 * response, or the device reporting a damaged request) the bus stays silent until the device has dropped any
 * partial frame, discards what it received, and sends the request again with a new seq, up to
 * {@link SerialSettings#attempts()} times in all.
 * <p>
 * Sending a write again is safe although its first copy may have run (only its response was lost): every register
 * the device has is idempotent for an identical write. RW registers take the same value twice; the W1P commands
 * repeat the same action ({@code SVC_COMMIT}/{@code SRV_COMMIT} copy the same staged entry, {@code STATS_CLEAR} and
 * {@code FLOW_FLUSH} clear again); no register changes on a read. A request the device reports as damaged did not
 * run at all. Thread safe: accesses are serialized.
 */
public final class SerialBus implements RegisterBus {
    private final String device;
    private final SerialLine line;
    private final SerialSettings settings;
    private final ResponseScanner scanner = new ResponseScanner();
    private final byte[] chunk = new byte[ResponseScanner.MAX_CHUNK];
    private int nextSeq;
    private long exchanges;
    private long retries;
    private long timeouts;
    private long corruptResponses;
    private long rejectedRequests;
    private long drainedBytes;

    private SerialBus(SerialLine line, SerialSettings settings) {
        this.device = line.device();
        this.line = line;
        this.settings = settings;
    }

    /**
     * Opens {@code port} (a serial port or a pseudo-terminal) with {@code settings}.
     *
     * @throws DeviceException naming the port when it cannot be opened
     */
    public static SerialBus open(Path port, SerialSettings settings) {
        String device = "serial:" + port + "@" + settings.baud();
        return new SerialBus(SerialLine.open(device, port.toString(), settings.baud()), settings);
    }

    @Override
    public synchronized int read(int address) {
        return exchange(UartOp.READ, address, 0, "read 0x" + Integer.toHexString(address));
    }

    @Override
    public synchronized void write(int address, int value) {
        exchange(UartOp.WRITE, address, value, "write 0x" + Integer.toHexString(value) + " to 0x"
                + Integer.toHexString(address));
    }

    @Override
    public String device() {
        return device;
    }

    public synchronized SerialStatistics statistics() {
        return new SerialStatistics(exchanges, retries, timeouts, corruptResponses, rejectedRequests,
                scanner.noiseBytes() + drainedBytes, scanner.staleResponses());
    }

    @Override
    public synchronized void close() {
        line.close();
    }

    private int exchange(UartOp op, int address, int data, String operation) {
        String lastProblem = "";
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            if (attempt > 1) {
                retries++;
                drainedBytes += line.drainUntilQuiet(settings.quietPeriod());
            }
            UartRequest request = new UartRequest(op, nextSeq, address, data);
            nextSeq = (nextSeq + 1) & 0xFF;
            scanner.expect(request.seq());
            line.write(request.encode());
            Finding finding = awaitFinding(settings.responseTimeout());
            if (finding instanceof Finding.Answer answer) {
                exchanges++;
                if (answer.response().status() == UartStatus.BUS_ERROR) {
                    throw new DeviceException(device, operation, "the device's register bus answered with an error:"
                            + " no register at this address (is the register map the device's?)");
                }
                return answer.response().data();
            }
            if (finding instanceof Finding.Rejected rejected) {
                rejectedRequests++;
                lastProblem = "the device received a damaged request (" + rejected.response().status() + ")";
            } else if (finding instanceof Finding.Corrupt) {
                corruptResponses++;
                lastProblem = "the response arrived damaged (CRC mismatch)";
            } else {
                timeouts++;
                lastProblem = "no response came within " + settings.responseTimeout().toMillis() + " ms";
            }
        }
        throw new DeviceException(device, operation, settings.attempts() + " attempts failed, the last because "
                + lastProblem + "; check that the board is powered and connected and that " + settings.baud()
                + " baud is its UART's rate");
    }

    private Finding awaitFinding(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return new Finding.Pending();
            int n = line.read(chunk, 0, chunk.length, Duration.ofNanos(left));
            if (n > 0) {
                Finding finding = scanner.received(chunk, n);
                if (!(finding instanceof Finding.Pending)) return finding;
            }
        }
    }
}
