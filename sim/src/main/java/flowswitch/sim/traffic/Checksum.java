package flowswitch.sim.traffic;

/** The Internet checksum (RFC 1071): one's complement of the one's complement sum of 16-bit words. */
final class Checksum {
    private long sum;

    Checksum add(byte[] b, int offset, int length) {
        for (int i = 0; i < length; i += 2) {
            int high = b[offset + i] & 0xff;
            int low = i + 1 < length ? b[offset + i + 1] & 0xff : 0;
            sum += high << 8 | low;
        }
        return this;
    }

    Checksum add16(int value) {
        sum += value & 0xFFFF;
        return this;
    }

    Checksum add32(int value) {
        return add16(value >>> 16).add16(value);
    }

    int value() {
        long folded = sum;
        while (folded >>> 16 != 0) {
            folded = (folded & 0xFFFF) + (folded >>> 16);
        }
        return (int) ~folded & 0xFFFF;
    }
}
