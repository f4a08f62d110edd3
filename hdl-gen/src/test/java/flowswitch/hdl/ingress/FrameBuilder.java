package flowswitch.hdl.ingress;

import flowswitch.hdl.simtest.AxisFrame;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;

/** Writes a test frame's headers field by field in network order, then pads or cuts it to the length asked for. */
final class FrameBuilder {
    static final int ETH_IPV4 = 0x0800;
    static final int ETH_VLAN = 0x8100;
    static final int ETH_ARP = 0x0806;
    static final int ETH_IPV6 = 0x86DD;
    static final long ARP_IPV4_OVER_ETHERNET = 0x0001_0800_0604L;
    static final int ARP_REQUEST = 1;
    static final int ARP_REPLY = 2;
    /** IPv4 option bytes: NOP, so a header with options is still one a real stack could send. */
    private static final int OPTION_NOP = 0x01;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private FrameBuilder() {}

    static FrameBuilder ethernet(long dstMac, long srcMac) {
        return new FrameBuilder().put(dstMac, 6).put(srcMac, 6);
    }

    FrameBuilder vlan(int tci) {
        return put(ETH_VLAN, 2).put(tci, 2);
    }

    FrameBuilder etherType(int etherType) {
        return put(etherType, 2);
    }

    FrameBuilder ipv4(Ipv4Header ip) {
        put(ip.version() << 4 | ip.ihl() & 15, 1).put(0, 1).put(ip.totalLength(), 2).put(0x1234, 2)
                .put(ip.flagsOffset(), 2).put(64, 1).put(ip.proto(), 1).put(0, 2).put(ip.srcIp(), 4).put(ip.dstIp(), 4);
        for (int i = 20; i < ip.bytesWritten(); i++) put(OPTION_NOP, 1);
        return this;
    }

    /**
     * An ARP body (28 bytes): {@code header} holds its first six bytes (hardware type, protocol type, address
     * lengths; {@link #ARP_IPV4_OVER_ETHERNET} for the ARP the switch parses), then the operation and the addresses,
     * the target MAC zero.
     */
    FrameBuilder arp(long header, int operation, long senderMac, long senderIp, long targetIp) {
        return put(header, 6).put(operation, 2).put(senderMac, 6).put(senderIp, 4).put(0, 6).put(targetIp, 4);
    }

    FrameBuilder ports(int srcPort, int dstPort) {
        return put(srcPort, 2).put(dstPort, 2);
    }

    /** {@code count} bytes of {@code value}, most significant first. */
    FrameBuilder put(long value, int count) {
        for (int i = count - 1; i >= 0; i--) bytes.write((int) (value >>> (8 * i)));
        return this;
    }

    /** The bytes written so far, cut at {@code length} or followed by random payload up to it. */
    AxisFrame frame(int length, Random payload, boolean user) {
        byte[] head = bytes.toByteArray();
        byte[] out = Arrays.copyOf(head, length);
        for (int i = head.length; i < length; i++) out[i] = (byte) payload.nextInt(256);
        return new AxisFrame(out, user);
    }
}
