package flowswitch.hdl.ingress;

import static flowswitch.hdl.ingress.ExpectedMeta.bigEndian;

import flowswitch.hdl.simtest.AxisFrame;

/**
 * docs/datapath.md "Parse", rule by rule, in software: the expected {@link FrameMeta} of any frame, for tests that
 * send frames too many to write expectations by hand. {@link ReferenceParserTest} holds it to the hand-written cases.
 */
final class ReferenceParser {
    private ReferenceParser() {}

    /** What the ingress hands on: the meta at the decision point, and the late error its last stored beat carries. */
    record Decided(ExpectedMeta meta, FrameStatus late) {}

    /** The frame decided at its end: every rule, with its length known. */
    static ExpectedMeta parse(AxisFrame frame, int maxFrameBytes) {
        return parse(frame, maxFrameBytes, true);
    }

    /** The frame as a port with {@code beatBytes}-byte beats decides it: early, at its decision point, if it can. */
    static Decided decide(AxisFrame frame, int maxFrameBytes, int beatBytes) {
        if (!decidedEarly(frame.bytes(), maxFrameBytes, beatBytes)) return new Decided(parse(frame, maxFrameBytes), FrameStatus.OK);
        return new Decided(parse(frame, maxFrameBytes, false), late(frame, maxFrameBytes));
    }

    /** docs/datapath.md: the beat of byte need - 1 comes before the last stored beat. */
    static boolean decidedEarly(byte[] b, int maxFrameBytes, int beatBytes) {
        int etherType = b.length >= 14 ? (int) bigEndian(b, 12, 2) : 0;
        int l3 = 14;
        if (etherType == FrameBuilder.ETH_VLAN) {
            etherType = b.length >= 18 ? (int) bigEndian(b, 16, 2) : 0;
            l3 = 18;
        }
        int need = etherType == FrameBuilder.ETH_IPV4 ? l3 + 4 * (b.length > l3 ? b[l3] & 15 : 0) + 14
                : etherType == FrameBuilder.ETH_ARP ? l3 + 28 : l3;
        return (need - 1) / beatBytes < (Math.min(b.length, maxFrameBytes) - 1) / beatBytes;
    }

    /** The late error of a frame decided early: oversize, then tuser, then an IPv4 total length past the frame. */
    private static FrameStatus late(AxisFrame frame, int maxFrameBytes) {
        byte[] b = frame.bytes();
        if (b.length > maxFrameBytes) return FrameStatus.OVERSIZE;
        if (frame.user()) return FrameStatus.RX_ERROR;
        boolean vlan = bigEndian(b, 12, 2) == FrameBuilder.ETH_VLAN;
        int l3 = vlan ? 18 : 14;
        boolean ipv4 = bigEndian(b, vlan ? 16 : 12, 2) == FrameBuilder.ETH_IPV4;
        return ipv4 && b.length < l3 + bigEndian(b, l3 + 2, 2) ? FrameStatus.PARSE_ERROR : FrameStatus.OK;
    }

    /** {@code atEnd}: the length is known (else oversize, tuser and the total length are not checked). */
    private static ExpectedMeta parse(AxisFrame frame, int maxFrameBytes, boolean atEnd) {
        byte[] b = frame.bytes();
        int len = b.length;
        if (atEnd && len > maxFrameBytes) return ExpectedMeta.of(FrameStatus.OVERSIZE, frame);
        if (atEnd && frame.user()) return ExpectedMeta.of(FrameStatus.RX_ERROR, frame);
        ExpectedMeta error = ExpectedMeta.of(FrameStatus.PARSE_ERROR, frame);
        if (len < 14) return error;
        int etherType = (int) bigEndian(b, 12, 2);
        int l3 = 14;
        if (etherType == FrameBuilder.ETH_VLAN) {
            if (len < 18) return error;
            etherType = (int) bigEndian(b, 16, 2);
            l3 = 18;
        }
        if (etherType == FrameBuilder.ETH_ARP && len >= l3 + 28
                && bigEndian(b, l3, 6) == FrameBuilder.ARP_IPV4_OVER_ETHERNET) {
            return ExpectedMeta.arp(frame, bigEndian(b, l3 + 6, 2) == FrameBuilder.ARP_REQUEST, bigEndian(b, l3 + 8, 6),
                    bigEndian(b, l3 + 14, 4), bigEndian(b, l3 + 24, 4));
        }
        if (etherType != FrameBuilder.ETH_IPV4) return ExpectedMeta.notIp(frame);

        if (len < l3 + 20) return error;
        int version = (b[l3] & 0xFF) >> 4;
        int ihl = b[l3] & 15;
        if (version != 4 || ihl < 5) return error;
        int headerLength = 4 * ihl;
        int total = (int) bigEndian(b, l3 + 2, 2);
        if (total < headerLength || atEnd && len < l3 + total) return error;
        int proto = b[l3 + 9] & 0xFF;
        long srcIp = bigEndian(b, l3 + 12, 4);
        long dstIp = bigEndian(b, l3 + 16, 4);
        boolean fragment = (bigEndian(b, l3 + 6, 2) & 0x3FFF) != 0;
        if ((proto != Ipv4Header.TCP && proto != Ipv4Header.UDP) || fragment) {
            return ExpectedMeta.ipv4(frame, proto, srcIp, dstIp);
        }
        if (total < headerLength + 4) return error;
        int l4 = l3 + headerLength;
        return ExpectedMeta.l4(frame, proto, srcIp, dstIp, (int) bigEndian(b, l4, 2), (int) bigEndian(b, l4 + 2, 2));
    }
}
