package flowswitch.sim.golden;

import flowswitch.config.Ipv4Address;
import flowswitch.config.MacAddress;

import java.util.Arrays;

/** Hand-laid test frames: every field at the offset docs/datapath.md names, nothing computed (no checksums). */
final class Frames {
    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int ETHERTYPE_VLAN = 0x8100;
    static final int ETHERTYPE_ARP = 0x0806;
    static final int TCP = 6;
    static final int UDP = 17;

    private Frames() {
    }

    static byte[] ethernet(MacAddress dst, MacAddress src, int etherType, int length) {
        byte[] frame = new byte[length];
        put(frame, 0, dst.bytes());
        put(frame, 6, src.bytes());
        put16(frame, 12, etherType);
        for (int i = 14; i < length; i++) {
            frame[i] = (byte) (0xA0 + i);
        }
        return frame;
    }

    /** A 60-byte frame: Ethernet, a 20-byte IPv4 header, the four port bytes and padding; total length 40. */
    private static final byte TCP_SYN = 0x02;

    static byte[] ipv4(MacAddress dst, MacAddress src, int protocol, String srcIp, String dstIp, int srcPort,
                       int dstPort) {
        return ipv4(dst, src, protocol, srcIp, dstIp, srcPort, dstPort, 60);
    }

    static byte[] ipv4(MacAddress dst, MacAddress src, int protocol, String srcIp, String dstIp, int srcPort,
                       int dstPort, int length) {
        byte[] frame = ethernet(dst, src, ETHERTYPE_IPV4, length);
        frame[14] = 0x45;
        put16(frame, 16, 40);
        put16(frame, 20, 0);
        frame[22] = 64;
        frame[23] = (byte) protocol;
        put(frame, 26, Ipv4Address.parse(srcIp).bytes());
        put(frame, 30, Ipv4Address.parse(dstIp).bytes());
        put16(frame, 34, srcPort);
        put16(frame, 36, dstPort);
        if (protocol == TCP) {
            frame[47] = TCP_SYN; // the opening segment: the scheduler, not the hash, picks its server
        }
        return frame;
    }

    /**
     * A 60-byte ARP frame for IPv4 over Ethernet (operation 1 request, 2 reply) with the target MAC zero and the
     * padding after its 28-byte body as {@link #ethernet} fills it.
     */
    static byte[] arp(MacAddress dst, MacAddress src, int operation, MacAddress senderMac, String senderIp,
                      String targetIp) {
        byte[] frame = ethernet(dst, src, ETHERTYPE_ARP, 60);
        put16(frame, 14, 1);
        put16(frame, 16, ETHERTYPE_IPV4);
        frame[18] = 6;
        frame[19] = 4;
        put16(frame, 20, operation);
        put(frame, 22, senderMac.bytes());
        put(frame, 28, Ipv4Address.parse(senderIp).bytes());
        put(frame, 32, new byte[6]);
        put(frame, 38, Ipv4Address.parse(targetIp).bytes());
        return frame;
    }

    /** The same frame with an 802.1Q tag (VID {@code vid}) inserted after the source MAC. */
    static byte[] tagged(byte[] frame, int vid) {
        byte[] out = new byte[frame.length + 4];
        System.arraycopy(frame, 0, out, 0, 12);
        put16(out, 12, ETHERTYPE_VLAN);
        put16(out, 14, vid);
        System.arraycopy(frame, 12, out, 16, frame.length - 12);
        return out;
    }

    static void put16(byte[] frame, int at, int value) {
        frame[at] = (byte) (value >>> 8);
        frame[at + 1] = (byte) value;
    }

    static void put(byte[] frame, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, frame, at, bytes.length);
    }

    static byte[] truncate(byte[] frame, int length) {
        return Arrays.copyOf(frame, length);
    }

    /** The destination MAC of a frame. */
    static MacAddress destination(byte[] frame) {
        long value = 0;
        for (int i = 0; i < 6; i++) {
            value = value << 8 | frame[i] & 0xff;
        }
        return new MacAddress(value);
    }
}
