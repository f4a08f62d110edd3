package flowswitch.sim.traffic;

import java.nio.ByteBuffer;
import java.util.OptionalInt;

/**
 * Reads a generated frame back the way a capture tool would, independently of the generator's writers, so the
 * tests can check the fields and checksums it produced.
 */
record Wire(byte[] frame) {
    int u8(int at) {
        return frame[at] & 0xff;
    }

    int u16(int at) {
        return u8(at) << 8 | u8(at + 1);
    }

    int u32(int at) {
        return ByteBuffer.wrap(frame, at, 4).getInt();
    }

    long destinationMac() {
        return ByteBuffer.wrap(new byte[] {0, 0, frame[0], frame[1], frame[2], frame[3], frame[4], frame[5]}).getLong();
    }

    long sourceMac() {
        return ByteBuffer.wrap(new byte[] {0, 0, frame[6], frame[7], frame[8], frame[9], frame[10], frame[11]})
                .getLong();
    }

    OptionalInt vlan() {
        return u16(12) == 0x8100 ? OptionalInt.of(u16(14) & 0xFFF) : OptionalInt.empty();
    }

    int l3() {
        return vlan().isPresent() ? 18 : 14;
    }

    int etherType() {
        return u16(l3() - 2);
    }

    boolean ipv4() {
        return etherType() == 0x0800;
    }

    int ihl() {
        return u8(l3()) & 15;
    }

    int totalLength() {
        return u16(l3() + 2);
    }

    int identification() {
        return u16(l3() + 4);
    }

    int fragmentField() {
        return u16(l3() + 6);
    }

    boolean fragment() {
        return (fragmentField() & 0x3FFF) != 0;
    }

    int protocol() {
        return u8(l3() + 9);
    }

    int sourceIp() {
        return u32(l3() + 12);
    }

    int destinationIp() {
        return u32(l3() + 16);
    }

    int l4() {
        return l3() + 4 * ihl();
    }

    int sourcePort() {
        return u16(l4());
    }

    int destinationPort() {
        return u16(l4() + 2);
    }

    int tcpSequence() {
        return u32(l4() + 4);
    }

    int tcpAcknowledgment() {
        return u32(l4() + 8);
    }

    int tcpFlags() {
        return u8(l4() + 13);
    }

    int l4Payload() {
        int l4Header = protocol() == 6 ? 4 * (u8(l4() + 12) >> 4) : 8;
        return totalLength() - 4 * ihl() - l4Header;
    }

    boolean ipHeaderChecksumOk() {
        return sum(l3(), 4 * ihl(), 0) == 0xFFFF;
    }

    /** TCP or UDP checksum over the pseudo-header and the segment; a UDP checksum of 0 means none. */
    boolean l4ChecksumOk() {
        int length = totalLength() - 4 * ihl();
        if (protocol() == 17 && u16(l4() + 6) == 0) {
            return true;
        }
        long pseudo = (sourceIp() >>> 16) + (sourceIp() & 0xFFFF) + (destinationIp() >>> 16)
                + (destinationIp() & 0xFFFF) + protocol() + length;
        return sum(l4(), length, pseudo) == 0xFFFF;
    }

    private long sum(int at, int length, long start) {
        long sum = start;
        for (int i = 0; i < length; i += 2) {
            sum += i + 1 < length ? u16(at + i) : u8(at + i) << 8;
        }
        while (sum > 0xFFFF) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return sum;
    }
}
