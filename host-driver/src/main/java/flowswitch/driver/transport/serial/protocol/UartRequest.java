package flowswitch.driver.transport.serial.protocol;

/**
 * One request to the UART register bridge (hdl-gen/docs/uart-protocol.md):
 * {@code 0xA5, op, seq, addr_hi, addr_lo, d3, d2, d1, d0, crc8}; the data bytes are sent for reads too.
 */
public record UartRequest(UartOp op, int seq, int address, int data) {
    public static final int SYNC = 0xA5;
    public static final int LENGTH = 10;

    /** @throws IllegalArgumentException when seq is not a byte or the address not a word address of 16 bits */
    public UartRequest {
        if (op == null) throw new IllegalArgumentException("a UART request needs an op (READ or WRITE)");
        if (seq < 0 || seq > 0xFF) throw new IllegalArgumentException("UART request seq " + seq + " is not a byte (0..255)");
        if (address < 0 || address > 0xFFFF || address % 4 != 0) {
            throw new IllegalArgumentException("UART request address 0x" + Integer.toHexString(address)
                    + " is not a word-aligned 16-bit address (0x0000..0xFFFC, multiple of 4)");
        }
    }

    public static UartRequest read(int seq, int address) {
        return new UartRequest(UartOp.READ, seq, address, 0);
    }

    public static UartRequest write(int seq, int address, int data) {
        return new UartRequest(UartOp.WRITE, seq, address, data);
    }

    /** The frame's ten bytes as they go on the wire. */
    public byte[] encode() {
        byte[] frame = {(byte) SYNC, (byte) op.code(), (byte) seq, (byte) (address >>> 8), (byte) address,
                (byte) (data >>> 24), (byte) (data >>> 16), (byte) (data >>> 8), (byte) data, 0};
        frame[LENGTH - 1] = (byte) Crc8.of(frame, 1, LENGTH - 1);
        return frame;
    }
}
