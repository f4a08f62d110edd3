package flowswitch.hdl.ingress;

import static flowswitch.hdl.ingress.FrameBuilder.ARP_IPV4_OVER_ETHERNET;
import static flowswitch.hdl.ingress.FrameBuilder.ARP_REPLY;
import static flowswitch.hdl.ingress.FrameBuilder.ARP_REQUEST;
import static flowswitch.hdl.ingress.FrameBuilder.ETH_ARP;
import static flowswitch.hdl.ingress.FrameBuilder.ETH_IPV4;
import static flowswitch.hdl.ingress.FrameBuilder.ETH_IPV6;
import static flowswitch.hdl.ingress.Ipv4Header.ICMP;
import static flowswitch.hdl.ingress.Ipv4Header.MORE_FRAGMENTS;
import static flowswitch.hdl.ingress.Ipv4Header.TCP;
import static flowswitch.hdl.ingress.Ipv4Header.UDP;

import flowswitch.hdl.simtest.AxisFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One hand-built frame for a parse rule of docs/datapath.md and the meta it must produce, written out by hand
 * (not by {@link ReferenceParser}) so that the rules are checked independently of any software parser.
 */
record ParseCase(String name, AxisFrame frame, ExpectedMeta expected) {
    static final long DST_MAC = 0x0a1b_2c3d_4e5fL;
    static final long SRC_MAC = 0x0261_7283_94a5L;
    static final long CLIENT_IP = 0xC633_6401L;
    static final long VIP = 0xCB00_7107L;
    static final int CLIENT_PORT = 40_000;
    static final int VIP_PORT = 443;
    static final long ARP_SHA = 0x0277_8899_aabbL;
    private static final int GRE = 47;
    private static final int TCI = 0x0064;

    @Override
    public String toString() {
        return name;
    }

    /** Every case, the oversize ones sized for a port that stores at most {@code maxFrameBytes}. */
    static List<ParseCase> all(int maxFrameBytes) {
        Random payload = new Random(maxFrameBytes);
        List<ParseCase> cases = new ArrayList<>();
        Cases c = new Cases(cases, payload);

        // Runts and the VLAN tag.
        c.error("1-byte runt", eth(), 1);
        c.error("13-byte runt", eth().etherType(ETH_ARP), 13);
        c.notIp("14 bytes, ethertype only", eth().etherType(ETH_ARP), 14);
        c.error("VLAN tag cut at 17 bytes", eth().vlan(TCI).etherType(ETH_ARP), 17);
        c.notIp("VLAN tag, 18 bytes", eth().vlan(TCI).etherType(ETH_ARP), 18);
        c.notIp("second VLAN tag is an ethertype we do not parse",
                eth().vlan(TCI).vlan(TCI).etherType(ETH_IPV4).ipv4(Ipv4Header.of(5, 24, TCP, CLIENT_IP, VIP)).ports(1, 2), 60);

        // IPv4 header shorter than 20 bytes, malformed, or longer than the frame.
        Ipv4Header icmp = Ipv4Header.of(5, 20, ICMP, CLIENT_IP, VIP);
        c.error("IPv4 cut at 19 header bytes", ip(icmp), 14 + 19);
        c.ipv4("IPv4 of exactly 20 header bytes", ip(icmp), 14 + 20, ICMP);
        c.error("VLAN + IPv4 cut at 19 header bytes", eth().vlan(TCI).etherType(ETH_IPV4).ipv4(icmp), 18 + 19);
        c.ipv4("VLAN + IPv4 of exactly 20 header bytes", eth().vlan(TCI).etherType(ETH_IPV4).ipv4(icmp), 18 + 20, ICMP);
        c.error("IP version 6 under ethertype IPv4", ip(icmp.withVersion(6).withTotalLength(46)), 60);
        c.error("IP version 5", ip(icmp.withVersion(5).withTotalLength(46)), 60);
        c.error("IHL 4", ip(icmp.withIhl(4).withTotalLength(46)), 60);
        c.error("IHL 0", ip(icmp.withIhl(0).withTotalLength(46)), 60);
        c.error("total length 19 below IHL 5", ip(icmp.withTotalLength(19)), 60);
        c.error("total length 23 below IHL 6", ip(icmp.withIhl(6).withTotalLength(23)), 60);
        c.ipv4("total length 24 with IHL 6", ip(icmp.withIhl(6).withTotalLength(24)), 60, ICMP);
        c.error("frame one byte shorter than total length", ip(icmp.withTotalLength(100)), 14 + 99);
        c.ipv4("frame exactly total length", ip(icmp.withTotalLength(100)), 14 + 100, ICMP);
        c.error("VLAN: frame one byte shorter than total length",
                eth().vlan(TCI).etherType(ETH_IPV4).ipv4(icmp.withTotalLength(100)), 18 + 99);

        // L4 ports right after the IP header, whatever its length; they must fit in the total length.
        for (int ihl = 5; ihl <= 15; ihl++) {
            int proto = ihl % 2 == 0 ? UDP : TCP;
            int total = 4 * ihl + 4 + ihl;
            Ipv4Header h = Ipv4Header.of(ihl, total, proto, CLIENT_IP + ihl, VIP);
            c.l4("IHL " + ihl + " ports", ip(h).ports(CLIENT_PORT + ihl, VIP_PORT + ihl), 14 + total + 3,
                    proto, CLIENT_IP + ihl, CLIENT_PORT + ihl, VIP_PORT + ihl);
            c.l4("VLAN + IHL " + ihl + " ports", eth().vlan(TCI).etherType(ETH_IPV4).ipv4(h).ports(CLIENT_PORT + ihl, VIP_PORT + ihl),
                    18 + total, proto, CLIENT_IP + ihl, CLIENT_PORT + ihl, VIP_PORT + ihl);
        }
        // The deepest header, split over the most beats: its late errors show only after the decision.
        Ipv4Header deepest = Ipv4Header.of(15, 100, TCP, CLIENT_IP, VIP);
        c.status("VLAN + IHL 15 TCP with tuser", eth().vlan(TCI).etherType(ETH_IPV4).ipv4(deepest).ports(1, 2), 130, true,
                FrameStatus.RX_ERROR);
        c.error("VLAN + IHL 15 TCP one byte shorter than total length",
                eth().vlan(TCI).etherType(ETH_IPV4).ipv4(deepest).ports(1, 2), 18 + 99);
        c.error("TCP, total length 23: no room for ports", ip(Ipv4Header.of(5, 23, TCP, CLIENT_IP, VIP)).ports(1, 2), 60);
        c.l4("TCP, total length 24: ports end the datagram", ip(Ipv4Header.of(5, 24, TCP, CLIENT_IP, VIP)).ports(1, 2), 38,
                TCP, CLIENT_IP, 1, 2);
        c.error("UDP, IHL 15, total length 63", ip(Ipv4Header.of(15, 63, UDP, CLIENT_IP, VIP)).ports(1, 2), 80);
        c.l4("UDP, IHL 15, total length 64", ip(Ipv4Header.of(15, 64, UDP, CLIENT_IP, VIP)).ports(7, 8), 78,
                UDP, CLIENT_IP, 7, 8);
        c.l4("TCP with Ethernet padding after the datagram", ip(Ipv4Header.of(5, 40, TCP, CLIENT_IP, VIP)).ports(9, 10), 60,
                TCP, CLIENT_IP, 9, 10);

        // Fragments and other protocols have no ports, and need no room for them.
        Ipv4Header udp = Ipv4Header.of(5, 60, UDP, CLIENT_IP, VIP);
        c.ipv4("UDP first fragment (more fragments)", ip(udp.withFlagsOffset(MORE_FRAGMENTS)).ports(1, 2), 74, UDP);
        c.ipv4("TCP fragment at offset 8 bytes", ip(udp.withFlagsOffset(0x0001).withProto(TCP)).ports(1, 2), 74, TCP);
        c.ipv4("UDP fragment at the largest offset", ip(udp.withFlagsOffset(0x1FFF)).ports(1, 2), 74, UDP);
        c.ipv4("TCP fragment, total length 20", ip(Ipv4Header.of(5, 20, TCP, CLIENT_IP, VIP).withFlagsOffset(0x2001)), 60, TCP);
        c.l4("reserved flag is not a fragment", ip(udp.withFlagsOffset(0x8000)).ports(3, 4), 74, UDP, CLIENT_IP, 3, 4);
        c.l4("no flags at all", ip(udp.withFlagsOffset(0)).ports(5, 6), 74, UDP, CLIENT_IP, 5, 6);
        c.ipv4("GRE, total length 20", ip(Ipv4Header.of(5, 20, GRE, CLIENT_IP, VIP)), 60, GRE);
        c.ipv4("ICMP, IHL 15, total length 60", ip(Ipv4Header.of(15, 60, ICMP, CLIENT_IP, VIP)), 74, ICMP);

        // ARP for IPv4 over Ethernet has ARP fields, once its 28-byte body fits; any other ARP is valid without them.
        c.arp("ARP request", arp(ARP_REQUEST), 60, true);
        c.arp("ARP reply", arp(ARP_REPLY), 60, false);
        c.arp("ARP operation 3 is no request", arp(3), 60, false);
        c.notIp("ARP body cut at 27 bytes", arp(ARP_REQUEST), 14 + 27);
        c.arp("ARP body of exactly 28 bytes", arp(ARP_REQUEST), 14 + 28, true);
        c.arp("VLAN + ARP request", eth().vlan(TCI).etherType(ETH_ARP)
                .arp(ARP_IPV4_OVER_ETHERNET, ARP_REQUEST, ARP_SHA, CLIENT_IP, VIP), 64, true);
        c.notIp("VLAN + ARP body cut at 27 bytes", eth().vlan(TCI).etherType(ETH_ARP)
                .arp(ARP_IPV4_OVER_ETHERNET, ARP_REQUEST, ARP_SHA, CLIENT_IP, VIP), 18 + 27);
        c.arp("VLAN + ARP body of exactly 28 bytes", eth().vlan(TCI).etherType(ETH_ARP)
                .arp(ARP_IPV4_OVER_ETHERNET, ARP_REQUEST, ARP_SHA, CLIENT_IP, VIP), 18 + 28, true);
        c.notIp("ARP over IEEE 802 hardware (type 6)", eth().etherType(ETH_ARP)
                .arp(0x0006_0800_0604L, ARP_REQUEST, ARP_SHA, CLIENT_IP, VIP), 60);
        c.notIp("ARP for IPv6 addresses", eth().etherType(ETH_ARP)
                .arp(0x0001_86DD_0610L, ARP_REQUEST, ARP_SHA, CLIENT_IP, VIP), 60);
        c.notIp("ARP with 8-byte hardware addresses", eth().etherType(ETH_ARP)
                .arp(0x0001_0800_0804L, ARP_REQUEST, ARP_SHA, CLIENT_IP, VIP), 60);
        c.notIp("ARP with 16-byte protocol addresses", eth().etherType(ETH_ARP)
                .arp(0x0001_0800_0610L, ARP_REQUEST, ARP_SHA, CLIENT_IP, VIP), 60);
        c.notIp("VLAN + ARP of random bytes", eth().vlan(TCI).etherType(ETH_ARP), 64);

        // Other ethertypes are valid and have no L3 fields.
        c.notIp("IPv6", eth().etherType(ETH_IPV6).put(0x6000_0000L, 4), 100);

        // tuser and oversize come before every parse rule.
        FrameBuilder tcp = ip(Ipv4Header.of(5, 46, TCP, CLIENT_IP, VIP)).ports(1, 2);
        c.status("tuser on a good TCP frame", tcp, 60, true, FrameStatus.RX_ERROR);
        c.status("tuser on a 5-byte runt", eth(), 5, true, FrameStatus.RX_ERROR);
        c.l4("TCP frame of exactly max_frame_bytes", ip(Ipv4Header.of(5, maxFrameBytes - 14, TCP, CLIENT_IP, VIP)).ports(1, 2),
                maxFrameBytes, TCP, CLIENT_IP, 1, 2);
        c.status("good TCP frame one byte over max_frame_bytes", tcp, maxFrameBytes + 1, false, FrameStatus.OVERSIZE);
        c.status("oversize frame with tuser", tcp, maxFrameBytes + 20, true, FrameStatus.OVERSIZE);
        c.status("oversize frame one beat longer", eth(), maxFrameBytes + 32, false, FrameStatus.OVERSIZE);
        return cases;
    }

    private static FrameBuilder eth() {
        return FrameBuilder.ethernet(DST_MAC, SRC_MAC);
    }

    private static FrameBuilder arp(int operation) {
        return eth().etherType(ETH_ARP).arp(ARP_IPV4_OVER_ETHERNET, operation, ARP_SHA, CLIENT_IP, VIP);
    }

    private static FrameBuilder ip(Ipv4Header header) {
        return eth().etherType(ETH_IPV4).ipv4(header);
    }

    /** Adds cases, each frame cut or padded to its length with bytes from one seeded source. */
    private record Cases(List<ParseCase> out, Random payload) {
        void error(String name, FrameBuilder b, int length) {
            status(name, b, length, false, FrameStatus.PARSE_ERROR);
        }

        void status(String name, FrameBuilder b, int length, boolean user, FrameStatus status) {
            AxisFrame f = b.frame(length, payload, user);
            out.add(new ParseCase(name, f, ExpectedMeta.of(status, f)));
        }

        void notIp(String name, FrameBuilder b, int length) {
            AxisFrame f = b.frame(length, payload, false);
            out.add(new ParseCase(name, f, ExpectedMeta.notIp(f)));
        }

        void arp(String name, FrameBuilder b, int length, boolean request) {
            AxisFrame f = b.frame(length, payload, false);
            out.add(new ParseCase(name, f, ExpectedMeta.arp(f, request, ARP_SHA, CLIENT_IP, VIP)));
        }

        void ipv4(String name, FrameBuilder b, int length, int proto) {
            AxisFrame f = b.frame(length, payload, false);
            out.add(new ParseCase(name, f, ExpectedMeta.ipv4(f, proto, CLIENT_IP, VIP)));
        }

        void l4(String name, FrameBuilder b, int length, int proto, long srcIp, int srcPort, int dstPort) {
            AxisFrame f = b.frame(length, payload, false);
            out.add(new ParseCase(name, f, ExpectedMeta.l4(f, proto, srcIp, VIP, srcPort, dstPort)));
        }
    }
}
