package flowswitch.config;

/** Network byte order for the address records. */
final class Octets {
    private Octets() {
    }

    static byte[] bigEndian(long value, int count) {
        byte[] octets = new byte[count];
        for (int i = 0; i < count; i++) {
            octets[i] = (byte) (value >>> (8 * (count - 1 - i)));
        }
        return octets;
    }
}
