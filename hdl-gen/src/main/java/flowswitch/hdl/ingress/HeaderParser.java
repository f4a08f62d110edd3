package flowswitch.hdl.ingress;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.hdl.dsl.HwComponent;
import java.util.Map;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.Data;
import spinal.core.UInt;

/**
 * Parses a frame's first bytes (Ethernet II, one 802.1Q tag, IPv4 with options, TCP/UDP ports, TCP flags, ARP for
 * IPv4 over Ethernet) into a {@link FrameMeta}, exactly as docs/datapath.md "Parse" says. Combinational: the ingress
 * port presents the header in the cycle the frame's last beat arrives.
 */
public final class HeaderParser extends HwComponent {
    private static final int ETH_VLAN = 0x8100;
    private static final int ETH_IPV4 = 0x0800;
    private static final int ETH_ARP = 0x0806;
    /** The ARP header's first six bytes for IPv4 over Ethernet: htype 1, ptype 0x0800, hlen 6, plen 4. */
    private static final long ARP_IPV4_OVER_ETHERNET = 0x0001_0800_0604L;
    private static final int ARP_BODY_BYTES = 28;
    private static final int ARP_REQUEST = 1;
    /** Offset of the flags byte (CWR ECE URG ACK PSH RST SYN FIN) in the TCP header. */
    private static final int TCP_FLAGS = 13;

    final Bits header;
    final UInt len = in(uint(16));
    final Bool rxError = in(bool());
    final Bool oversize = in(bool());
    final Bits meta = out(FrameMeta.LAYOUT.newBits());

    final Bool vlan = bool();
    final Bool runt = bool();
    final Bool ipv4 = bool();
    final UInt ihl = uint(4);
    final UInt ipTotalLength = uint(16);
    final Bool l4Candidate = bool();
    final Bool ipError = bool();
    final Bits ports = bits(32);
    final Bits flagsByte = bits(8);
    final Bool arp = bool();

    public HeaderParser(IngressPortConfig cfg) {
        header = in(bits(cfg.headerBytes() * 8));
        UInt len17 = resize(len, 17);

        assign(vlan, eq(be(12, 2), ETH_VLAN));
        Bits etherType = mux(vlan, be(16, 2), be(12, 2));
        assign(runt, or(lt(len, 14), and(vlan, lt(len, 18))));
        assign(ipv4, eq(etherType, ETH_IPV4));

        // L3 fields at l3 = 14 or 18: every field is a mux between the two placements.
        Bits verIhl = l3(0, 1);
        assign(ihl, asUInt(slice(verIhl, 0, 4)));
        UInt version = asUInt(slice(verIhl, 4, 4));
        assign(ipTotalLength, asUInt(l3(2, 2)));
        Bits proto = l3(9, 1);
        Bool fragment = orReduce(slice(l3(6, 2), 0, 14));
        UInt l3Offset = mux(vlan, u(18, 17), u(14, 17));
        UInt headerLength = resize(asUInt(cat(asBits(ihl), b(0, 2))), 17);
        UInt total17 = resize(ipTotalLength, 17);

        Bool shortForHeader = lt(len17, add(l3Offset, u(20, 17)));
        Bool malformed = or(neq(version, u(4, 4)), lt(ihl, 5));
        Bool shortForTotal = or(lt(total17, headerLength), lt(len17, add(l3Offset, total17)));
        assign(l4Candidate, and(or(eq(proto, 6), eq(proto, 17)), not(fragment)));
        Bool shortForPorts = and(l4Candidate, lt(total17, add(headerLength, u(4, 17))));
        assign(ipError, and(ipv4, or(shortForHeader, malformed, shortForTotal, shortForPorts)));

        // L4 fields sit right after the IP header: one placement per IHL value 5..15.
        assign(ports, l3(20, 4));
        assign(flagsByte, l3(20 + TCP_FLAGS, 1));
        for (int words = 6; words <= 15; words++) {
            int w = words;
            when(eq(ihl, w), () -> {
                assign(ports, l3(4 * w, 4));
                assign(flagsByte, l3(4 * w + TCP_FLAGS, 1));
            });
        }
        // Flags only of a TCP segment long enough to hold them; otherwise 0 (the frame is still forwarded).
        Bool flagsPresent = and(eq(proto, 6), not(fragment), ge(total17, add(headerLength, u(TCP_FLAGS + 1, 17))));
        // An ARP frame for other address types, or too short for its body, is still valid: it has no ARP fields.
        assign(arp, and(eq(etherType, ETH_ARP), ge(len17, add(l3Offset, u(ARP_BODY_BYTES, 17))),
                eq(l3(0, 6), ARP_IPV4_OVER_ETHERNET)));

        Bits status = mux(oversize, b(FrameStatus.OVERSIZE.code(), 2),
                mux(rxError, b(FrameStatus.RX_ERROR.code(), 2),
                        mux(or(runt, ipError), b(FrameStatus.PARSE_ERROR.code(), 2), b(FrameStatus.OK.code(), 2))));
        FrameMeta.LAYOUT.assignAll(meta, Map.<String, Data>ofEntries(
                Map.entry("status", status),
                Map.entry("len", len),
                Map.entry("dst_mac", be(0, 6)),
                Map.entry("src_mac", be(6, 6)),
                Map.entry("l4", and(ipv4, l4Candidate)),
                Map.entry("proto", proto),
                Map.entry("src_ip", mux(arp, l3(14, 4), l3(12, 4))),
                Map.entry("dst_ip", mux(arp, l3(24, 4), l3(16, 4))),
                Map.entry("src_port", slice(ports, 16, 16)),
                Map.entry("dst_port", slice(ports, 0, 16)),
                Map.entry("tcp_flags", mux(flagsPresent, flagsByte, b(0, 8))),
                Map.entry("arp", arp),
                Map.entry("arp_request", and(arp, eq(l3(6, 2), ARP_REQUEST))),
                Map.entry("arp_sha", l3(8, 6))));
    }

    /** {@code count} header bytes from {@code offset}, big-endian (network order): the first byte in the top bits. */
    private Bits be(int offset, int count) {
        Bits out = slice(header, offset * 8, 8);
        for (int i = 1; i < count; i++) out = cat(out, slice(header, (offset + i) * 8, 8));
        return out;
    }

    /** {@code count} bytes at {@code offset} into the IPv4 or ARP header, wherever the VLAN tag put it. */
    private Bits l3(int offset, int count) {
        return mux(vlan, be(18 + offset, count), be(14 + offset, count));
    }
}
