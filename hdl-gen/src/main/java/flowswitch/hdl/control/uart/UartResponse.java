package flowswitch.hdl.control.uart;

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
        int data = (frame[3] & 0xFF) << 24 | (frame[4] & 0xFF) << 16 | (frame[5] & 0xFF) << 8 | (frame[6] & 0xFF);
        return new UartResponse(UartStatus.fromCode(frame[1] & 0xFF), frame[2] & 0xFF, data);
    }
}
