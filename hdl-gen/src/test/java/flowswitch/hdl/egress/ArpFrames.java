package flowswitch.hdl.egress;

import flowswitch.hdl.simtest.AxisFrame;
import java.util.Random;

/**
 * ARP requests for the egress tests, and docs/datapath.md "ARP for the VIPs" in software: the ARP body of the reply
 * the switch makes of a request. Written from the document's byte offsets, independently of {@link ArpReply}.
 */
final class ArpFrames {
    private static final int ETH_VLAN = 0x8100;
    private static final int ETH_ARP = 0x0806;
    private static final long ARP_IPV4_OVER_ETHERNET = 0x0001_0800_0604L;
    private static final int REQUEST = 1;
    private static final int REPLY = 2;

    private ArpFrames() {}

    /** The shortest request: its ARP body ends the frame. */
    static int minLength(boolean tagged) {
        return (tagged ? 18 : 14) + 28;
    }

    /** A request with random addresses, of {@code length} bytes (at least {@link #minLength}), random padding. */
    static AxisFrame request(Random random, boolean tagged, int length) {
        if (length < minLength(tagged)) {
            throw new IllegalArgumentException("an ARP request needs " + minLength(tagged) + " bytes, got " + length);
        }
        byte[] b = new byte[length];
        random.nextBytes(b);
        int at = 12;
        if (tagged) at = put(b, put(b, at, ETH_VLAN, 2), random.nextInt(1 << 16), 2);
        at = put(b, at, ETH_ARP, 2);
        at = put(b, at, ARP_IPV4_OVER_ETHERNET, 6);
        at = put(b, at, REQUEST, 2);
        at += 10; // sender MAC and IP: random
        put(b, at, 0, 6); // target MAC: unknown
        return new AxisFrame(b, false);
    }

    /**
     * {@code request} with the reply's ARP body: operation 2, the switch as sender of {@code vip}, the requester as
     * target. The Ethernet MACs stay as they are.
     */
    static AxisFrame withReplyBody(AxisFrame request, long requesterMac, long vip, long switchMac) {
        byte[] b = request.bytes();
        int l3 = ((b[12] & 0xFF) << 8 | b[13] & 0xFF) == ETH_VLAN ? 18 : 14;
        long requesterIp = 0;
        for (int i = 0; i < 4; i++) requesterIp = requesterIp << 8 | b[l3 + 14 + i] & 0xFF;
        int at = put(b, l3 + 6, REPLY, 2);
        at = put(b, at, switchMac, 6);
        at = put(b, at, vip, 4);
        at = put(b, at, requesterMac, 6);
        put(b, at, requesterIp, 4);
        return new AxisFrame(b, request.user());
    }

    /** Writes {@code count} bytes of {@code value}, most significant first; returns the offset after them. */
    private static int put(byte[] b, int at, long value, int count) {
        for (int i = 0; i < count; i++) b[at + i] = (byte) (value >>> (8 * (count - 1 - i)));
        return at + count;
    }
}
