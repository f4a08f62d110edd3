package flowswitch.hdl.egress;

import flowswitch.hdl.simtest.AxisFrame;
import java.math.BigInteger;
import java.util.Map;

/**
 * A decision as the test writes it: destination ports, rewrite flag, destination MAC (octet 0 in bits 47:40), and
 * whether the frame, an ARP request, becomes the switch's reply for {@code vip}.
 */
record Route(int dest, boolean rewrite, long dstMac, boolean arpReply, long vip) {
    Route(int dest, boolean rewrite, long dstMac) {
        this(dest, rewrite, dstMac, false, 0);
    }

    static Route drop() {
        return new Route(0, false, 0);
    }

    /** The reply to a request from {@code requesterMac} on {@code ingress}: back out of that port, MACs rewritten. */
    static Route arpReply(int ingress, long requesterMac, long vip) {
        return new Route(1 << ingress, true, requesterMac, true, vip);
    }

    BigInteger pack(EgressSwitchConfig config) {
        return config.decisionLayout().pack(Map.of("dest", (long) dest, "rewrite", rewrite ? 1L : 0L, "dst_mac", dstMac,
                "arp_reply", arpReply ? 1L : 0L, "vip", vip));
    }

    boolean sendsTo(int port) {
        return (dest >> port & 1) != 0;
    }

    /**
     * The frame as it must leave, per docs/datapath.md: bytes 0..5 the destination MAC, 6..11 the switch MAC, and an
     * answered ARP request with the reply's body.
     */
    AxisFrame apply(AxisFrame frame, long switchMac) {
        if (!rewrite) return frame;
        byte[] bytes = frame.bytes();
        for (int i = 0; i < Math.min(12, bytes.length); i++) {
            long mac = i < 6 ? dstMac : switchMac;
            bytes[i] = (byte) (mac >>> (40 - 8 * (i % 6)));
        }
        AxisFrame rewritten = new AxisFrame(bytes, frame.user());
        return arpReply ? ArpFrames.withReplyBody(rewritten, dstMac, vip, switchMac) : rewritten;
    }
}
