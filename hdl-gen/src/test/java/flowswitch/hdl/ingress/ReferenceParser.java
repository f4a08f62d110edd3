package flowswitch.hdl.ingress;

import static flowswitch.hdl.ingress.ExpectedMeta.bigEndian;

import flowswitch.hdl.simtest.AxisFrame;

/**
 * docs/datapath.md "Parse", rule by rule, in software: the expected {@link FrameMeta} of any frame, for tests that
 * send frames too many to write expectations by hand. {@link ReferenceParserTest} holds it to the hand-written cases.
 */
final class ReferenceParser {
    private ReferenceParser() {}

    static ExpectedMeta parse(AxisFrame frame, int maxFrameBytes) {
        byte[] b = frame.bytes();
        int len = b.length;
        if (len > maxFrameBytes) return ExpectedMeta.of(FrameStatus.OVERSIZE, frame);
        if (frame.user()) return ExpectedMeta.of(FrameStatus.RX_ERROR, frame);
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
        if (total < headerLength || len < l3 + total) return error;
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
