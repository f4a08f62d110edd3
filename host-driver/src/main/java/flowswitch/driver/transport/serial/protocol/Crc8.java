package flowswitch.driver.transport.serial.protocol;

/**
 * The CRC of the UART bridge's frames: CRC-8 with polynomial 0x07, initial value 0x00, most significant bit first,
 * no final XOR (the catalogue's CRC-8/SMBUS; check value 0xF4 for "123456789"). Pure Java, so a host can use it
 * without SpinalHDL on its class path; the hardware derives its XOR network from {@link #update}.
 */
public final class Crc8 {
    private static final int POLY = 0x07;

    private Crc8() {}

    /** The CRC after one more byte. */
    public static int update(int crc, int value) {
        int c = (crc ^ value) & 0xFF;
        for (int bit = 0; bit < 8; bit++) {
            c = (c & 0x80) != 0 ? ((c << 1) ^ POLY) & 0xFF : (c << 1) & 0xFF;
        }
        return c;
    }

    /** The CRC of {@code bytes[from..to)}, starting from 0. */
    public static int of(byte[] bytes, int from, int to) {
        int crc = 0;
        for (int i = from; i < to; i++) crc = update(crc, bytes[i] & 0xFF);
        return crc;
    }
}
