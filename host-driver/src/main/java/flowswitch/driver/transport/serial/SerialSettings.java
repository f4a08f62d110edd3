package flowswitch.driver.transport.serial;

import flowswitch.driver.transport.serial.protocol.UartRequest;
import flowswitch.driver.transport.serial.protocol.UartResponse;
import java.time.Duration;
import java.util.List;

/**
 * How the host talks to a UART register bridge: the line's baud rate, how long to wait for each response, how many
 * times to send a request before giving up, and the device's frame gap (its {@code uartFrameGapBytes}: after that
 * many quiet byte times it drops a partial request).
 */
public record SerialSettings(int baud, Duration responseTimeout, int attempts, int deviceFrameGapBytes) {
    public static final int DEFAULT_BAUD = 115_200;
    public static final int DEFAULT_ATTEMPTS = 4;
    public static final int DEFAULT_FRAME_GAP_BYTES = 32;
    /** The rates Linux's termios can set on a serial port (jssc passes the number through). */
    public static final List<Integer> BAUD_RATES = List.of(1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200,
            230400, 460800, 500000, 576000, 921600, 1000000, 1152000, 1500000, 2000000, 2500000, 3000000, 3500000,
            4000000);
    private static final int BITS_PER_BYTE = 10;
    /** Response wait floor: USB-serial adapters buffer up to 16 ms, and a busy host schedules late. */
    private static final Duration MIN_RESPONSE_TIMEOUT = Duration.ofMillis(250);
    /** Quiet-period floor, for the same reasons: the device must see silence, not just the host keep it. */
    private static final Duration MIN_QUIET = Duration.ofMillis(20);

    /** @throws IllegalArgumentException naming the setting, the value and what is accepted */
    public SerialSettings {
        if (!BAUD_RATES.contains(baud)) {
            throw new IllegalArgumentException("baud rate " + baud + " is not one a serial port can be set to; use one"
                    + " of " + BAUD_RATES + " (the device's rate is a build parameter of its UART bridge)");
        }
        if (responseTimeout == null || responseTimeout.isNegative() || responseTimeout.isZero()) {
            throw new IllegalArgumentException("serial response timeout must be positive, got " + responseTimeout);
        }
        if (attempts < 1 || attempts > 100) {
            throw new IllegalArgumentException("serial attempts must be 1..100, got " + attempts);
        }
        if (deviceFrameGapBytes < 1) {
            throw new IllegalArgumentException("device frame gap must be at least 1 byte time, got " + deviceFrameGapBytes);
        }
    }

    /** {@value #DEFAULT_ATTEMPTS} attempts, the default frame gap, a timeout of 4 round trips but at least 250 ms. */
    public static SerialSettings defaults(int baud) {
        SerialSettings any = new SerialSettings(baud, MIN_RESPONSE_TIMEOUT, DEFAULT_ATTEMPTS, DEFAULT_FRAME_GAP_BYTES);
        Duration roundTrip = any.wireTime(UartRequest.LENGTH + UartResponse.LENGTH);
        return any.withResponseTimeout(max(MIN_RESPONSE_TIMEOUT, roundTrip.multipliedBy(4)));
    }

    public SerialSettings withResponseTimeout(Duration value) {
        return new SerialSettings(baud, value, attempts, deviceFrameGapBytes);
    }

    public SerialSettings withAttempts(int value) {
        return new SerialSettings(baud, responseTimeout, value, deviceFrameGapBytes);
    }

    public SerialSettings withDeviceFrameGapBytes(int value) {
        return new SerialSettings(baud, responseTimeout, attempts, value);
    }

    /** How long {@code bytes} take on the line (8N1: ten bit times each). */
    public Duration wireTime(int bytes) {
        return Duration.ofNanos(bytes * BITS_PER_BYTE * 1_000_000_000L / baud);
    }

    /**
     * How long the host stays silent after a failed exchange: longer than the device's frame gap, so the device drops
     * whatever partial request it holds and the next request starts on a clean receiver.
     */
    public Duration quietPeriod() {
        return max(MIN_QUIET, wireTime(deviceFrameGapBytes + 2));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
