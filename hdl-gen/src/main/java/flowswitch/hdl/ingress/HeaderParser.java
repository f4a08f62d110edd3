package flowswitch.hdl.ingress;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.hdl.dsl.HwComponent;
import java.util.Map;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.Data;
import spinal.core.UInt;

/**
 * Parses a frame's first bytes (Ethernet II, one 802.1Q tag, IPv4 with options, TCP/UDP ports, TCP flags) into a
 * {@link FrameMeta}, exactly as docs/datapath.md "Parse" says. Combinational: the ingress port presents the header
 * in the cycle the frame's last beat arrives.
 */
public final class HeaderParser extends HwComponent {
    private static final int ETH_VLAN = 0x8100;
    private static final int ETH_IPV4 = 0x0800;
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

    public HeaderParser(IngressPortConfig cfg) {
        header = in(bits(cfg.headerBytes() * 8));
        UInt len17 = resize(len, 17);

        assign(vlan, eq(be(12, 2), ETH_VLAN));
        Bits etherType = mux(vlan, be(16, 2), be(12, 2));
        assign(runt, or(lt(len, 14), and(vlan, lt(len, 18))));
        assign(ipv4, eq(etherType, ETH_IPV4));

        // IPv4 fields at l3 = 14 or 18: every field is a mux between the two placements.
        Bits verIhl = ip(0, 1);
        assign(ihl, asUInt(slice(verIhl, 0, 4)));
        UInt version = asUInt(slice(verIhl, 4, 4));
        assign(ipTotalLength, asUInt(ip(2, 2)));
        Bits proto = ip(9, 1);
        Bool fragment = orReduce(slice(ip(6, 2), 0, 14));
        UInt l3 = mux(vlan, u(18, 17), u(14, 17));
        UInt headerLength = resize(asUInt(cat(asBits(ihl), b(0, 2))), 17);
        UInt total17 = resize(ipTotalLength, 17);

        Bool shortForHeader = lt(len17, add(l3, u(20, 17)));
        Bool malformed = or(neq(version, u(4, 4)), lt(ihl, 5));
        Bool shortForTotal = or(lt(total17, headerLength), lt(len17, add(l3, total17)));
        assign(l4Candidate, and(or(eq(proto, 6), eq(proto, 17)), not(fragment)));
        Bool shortForPorts = and(l4Candidate, lt(total17, add(headerLength, u(4, 17))));
        assign(ipError, and(ipv4, or(shortForHeader, malformed, shortForTotal, shortForPorts)));

        // L4 fields sit right after the IP header: one placement per IHL value 5..15.
        assign(ports, ip(20, 4));
        assign(flagsByte, ip(20 + TCP_FLAGS, 1));
        for (int words = 6; words <= 15; words++) {
            int w = words;
            when(eq(ihl, w), () -> {
                assign(ports, ip(4 * w, 4));
                assign(flagsByte, ip(4 * w + TCP_FLAGS, 1));
            });
        }
        // Flags only of a TCP segment long enough to hold them; otherwise 0 (the frame is still forwarded).
        Bool flagsPresent = and(eq(proto, 6), not(fragment), ge(total17, add(headerLength, u(TCP_FLAGS + 1, 17))));

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
                Map.entry("src_ip", ip(12, 4)),
                Map.entry("dst_ip", ip(16, 4)),
                Map.entry("src_port", slice(ports, 16, 16)),
                Map.entry("dst_port", slice(ports, 0, 16)),
                Map.entry("tcp_flags", mux(flagsPresent, flagsByte, b(0, 8)))));
    }

    /** {@code count} header bytes from {@code offset}, big-endian (network order): the first byte in the top bits. */
    private Bits be(int offset, int count) {
        Bits out = slice(header, offset * 8, 8);
        for (int i = 1; i < count; i++) out = cat(out, slice(header, (offset + i) * 8, 8));
        return out;
    }

    /** {@code count} bytes at {@code offset} into the IPv4 header, wherever the VLAN tag put it. */
    private Bits ip(int offset, int count) {
        return mux(vlan, be(18 + offset, count), be(14 + offset, count));
    }
}
