package flowswitch.driver.transport.serial.protocol;

import java.util.Optional;

/**
 * One response of the UART register bridge (hdl-gen/docs/uart-protocol.md):
 * {@code 0x5A, status, seq, d3, d2, d1, d0, crc8}. {@code seq} echoes the request's.
 */
public record UartResponse(UartStatus status, int seq, int data) {
    public static final int SYNC = 0x5A;
    public static final int LENGTH = 8;

    /**
     * Decodes the eight bytes of one response, sync byte first.
     *
     * @throws IllegalArgumentException when the length, sync byte, CRC or status is wrong (the message says which)
     */
    public static UartResponse decode(byte[] frame) {
        if (frame.length != LENGTH) {
            throw new IllegalArgumentException("a UART response has " + LENGTH + " bytes, got " + frame.length);
        }
        if ((frame[0] & 0xFF) != SYNC) {
            throw new IllegalArgumentException(String.format("UART response starts with 0x%02X, not the sync byte 0x%02X;"
                    + " the host lost byte alignment: wait for the line to go quiet and resend", frame[0] & 0xFF, SYNC));
        }
        int crc = Crc8.of(frame, 1, LENGTH - 1);
        if (crc != (frame[LENGTH - 1] & 0xFF)) {
            throw new IllegalArgumentException(String.format("UART response CRC is 0x%02X, computed 0x%02X: the line"
                    + " corrupted it; resend the request", frame[LENGTH - 1] & 0xFF, crc));
        }
        return new UartResponse(UartStatus.fromCode(frame[1] & 0xFF), frame[2] & 0xFF, data(frame, 0));
    }

    /**
     * The response that starts at {@code bytes[offset]}, or empty when those eight bytes are not one (wrong sync byte,
     * CRC or status): how a receiver tells a frame from line noise without an exception per candidate.
     */
    public static Optional<UartResponse> find(byte[] bytes, int offset) {
        if (offset < 0 || bytes.length - offset < LENGTH || (bytes[offset] & 0xFF) != SYNC
                || Crc8.of(bytes, offset + 1, offset + LENGTH - 1) != (bytes[offset + LENGTH - 1] & 0xFF)) {
            return Optional.empty();
        }
        return UartStatus.find(bytes[offset + 1] & 0xFF)
                .map(status -> new UartResponse(status, bytes[offset + 2] & 0xFF, data(bytes, offset)));
    }

    private static int data(byte[] bytes, int offset) {
        return (bytes[offset + 3] & 0xFF) << 24 | (bytes[offset + 4] & 0xFF) << 16 | (bytes[offset + 5] & 0xFF) << 8
                | (bytes[offset + 6] & 0xFF);
    }
}
