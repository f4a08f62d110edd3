package flowswitch.sim.traffic;

/** Big-endian field writes into a frame buffer. */
final class Bytes {
    private Bytes() {
    }

    static void put16(byte[] b, int at, int value) {
        b[at] = (byte) (value >>> 8);
        b[at + 1] = (byte) value;
    }

    static void put32(byte[] b, int at, int value) {
        put16(b, at, value >>> 16);
        put16(b, at + 2, value);
    }

    static void put(byte[] b, int at, byte[] value) {
        System.arraycopy(value, 0, b, at, value.length);
    }
}
