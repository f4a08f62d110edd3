package flowswitch.sim.pcap;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds pcap files byte by byte, so tests can make every malformed variant a reader must refuse. */
final class PcapBytes {
    private final ByteOrder order;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private PcapBytes(ByteOrder order) {
        this.order = order;
    }

    static PcapBytes header(ByteOrder order, int magic, int snapLength, int linkType) {
        PcapBytes file = new PcapBytes(order);
        file.put(ByteBuffer.allocate(24).order(order).putInt(magic).putShort((short) 2).putShort((short) 4)
                .putInt(0).putInt(0).putInt(snapLength).putInt(linkType));
        return file;
    }

    static PcapBytes ethernet(ByteOrder order, int magic) {
        return header(order, magic, 65535, 1);
    }

    PcapBytes record(int seconds, int fraction, int includedLength, int originalLength, byte[] data) {
        put(ByteBuffer.allocate(16).order(order).putInt(seconds).putInt(fraction).putInt(includedLength)
                .putInt(originalLength));
        bytes.writeBytes(data);
        return this;
    }

    PcapBytes record(int seconds, int fraction, byte[] data) {
        return record(seconds, fraction, data.length, data.length, data);
    }

    PcapBytes raw(byte[] data) {
        bytes.writeBytes(data);
        return this;
    }

    byte[] toBytes() {
        return bytes.toByteArray();
    }

    private void put(ByteBuffer buffer) {
        bytes.writeBytes(buffer.array());
    }

    static byte[] frame(int length, int seed) {
        byte[] frame = new byte[length];
        for (int i = 0; i < length; i++) {
            frame[i] = (byte) (seed + i * 7);
        }
        return frame;
    }
}
