package flowswitch.hdl.ingress;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.hdl.dsl.HwComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.Data;
import spinal.core.UInt;

/**
 * Parses a frame while its beats pass (Ethernet II, one 802.1Q tag, IPv4 with options, TCP/UDP ports, TCP flags, ARP
 * for IPv4 over Ethernet) into a {@link FrameMeta}, as docs/datapath.md "Parse" says. Each field byte is a register
 * loaded from its byte lane in the beat where it passes; a field's place moves with the VLAN tag and the IHL, which
 * both pass earlier, so a byte's lane is picked from the few that its offset modulo 4 allows, never from the header.
 *
 * <p>{@code meta} shows the frame as far as it has come, the current beat included: {@code due} says that its
 * decision point has passed. Its status is what a decision taken now may know: everything at the beat that ends the
 * stored copy ({@code last}), else only the errors the header shows. At that beat, {@code lateStatus} is the late
 * error of a frame decided earlier.
 */
public final class HeaderParser extends HwComponent {
    private static final int ETH_VLAN = 0x8100;
    private static final int ETH_IPV4 = 0x0800;
    private static final int ETH_ARP = 0x0806;
    private static final int UNTAGGED_L3 = 14;
    private static final int TAGGED_L3 = 18;
    /** The ARP header's first six bytes for IPv4 over Ethernet: htype 1, ptype 0x0800, hlen 6, plen 4. */
    private static final long ARP_IPV4_OVER_ETHERNET = 0x0001_0800_0604L;
    private static final int ARP_BODY_BYTES = 28;
    private static final int ARP_REQUEST = 1;
    /** Offset of the flags byte (CWR ECE URG ACK PSH RST SYN FIN) in the TCP header. */
    private static final int TCP_FLAGS = 13;
    /** L3 bytes kept: the IPv4 header's first 20 (ARP's first 20 too), and ARP's target IP at 24..27. */
    private static final int L3_HEAD = 20;
    private static final int ARP_TARGET_IP = 24;
    /** Both L3 offsets are 2 modulo 4 and the IP header is whole words: an L4 byte's lane is fixed modulo 4. */
    private static final int L3_RESIDUE = 2;
    /** Bits of a byte offset into the parsed header (at most 18 + 60 + 14), with room for 1024-bit beats. */
    private static final int OFFSET_BITS = 8;

    final Bits data;
    /** The beat is taken: the bytes passing in it are captured. */
    final Bool capture = in(bool());
    /** This beat ends the stored copy: a meta taken now is the frame's decided-at-the-end one. */
    final Bool last = in(bool());
    /** Bytes of the frame up to and including this beat. */
    final UInt len = in(uint(16));
    final Bool rxError = in(bool());
    /** This beat ends the stored copy before the frame's end: the frame is longer than max_frame_bytes. */
    final Bool cut = in(bool());
    final Bits meta = out(FrameMeta.LAYOUT.newBits());
    final Bool due = out(bool());
    final Bits lateStatus = out(bits(FrameStatus.WIDTH));

    /** Beats of the frame before this one, held once past the parsed header. */
    final UInt beat;
    final List<Bits> captured = new ArrayList<>();
    final Bool vlan = bool();
    final UInt ihl = uint(4);
    final UInt need = uint(OFFSET_BITS + 1);
    /** Where the IPv4 header ends: the first byte after it. */
    final UInt l4Offset = uint(OFFSET_BITS);

    private final int beatBytes;
    private final int laneBits;
    /** One register per frame byte or field byte, however many fields read it. */
    private final Map<String, Bits> bytes = new HashMap<>();

    public HeaderParser(IngressPortConfig cfg) {
        beatBytes = cfg.bytesPerBeat();
        laneBits = log2Up(beatBytes);
        data = in(bits(cfg.dataWidth()));
        beat = regUInt(bitsFor(cfg.headerBeats()), 0);
        when(capture, () -> {
            when(last, () -> assign(beat, 0))
                    .elseWhen(lt(beat, cfg.headerBeats()), () -> assign(beat, add(beat, 1)));
        });
        UInt len17 = resize(len, 17);

        assign(vlan, eq(be(12, 2), ETH_VLAN));
        Bits etherType = mux(vlan, be(16, 2), be(12, 2));
        Bool runt = or(lt(len, 14), and(vlan, lt(len, 18)));
        Bool ipv4 = eq(etherType, ETH_IPV4);
        Bool arpType = eq(etherType, ETH_ARP);

        Bits verIhl = l3(0, 1);
        assign(ihl, asUInt(slice(verIhl, 0, 4)));
        UInt version = asUInt(slice(verIhl, 4, 4));
        UInt ipTotalLength = asUInt(l3(2, 2));
        Bits proto = l3(9, 1);
        Bool fragment = orReduce(slice(l3(6, 2), 0, 14));
        UInt l3Offset = mux(vlan, u(TAGGED_L3, OFFSET_BITS), u(UNTAGGED_L3, OFFSET_BITS));
        UInt headerWords = resize(asUInt(cat(asBits(ihl), b(0, 2))), OFFSET_BITS);
        UInt headerLength = resize(headerWords, 17);
        UInt total17 = resize(ipTotalLength, 17);
        UInt l3Offset17 = resize(l3Offset, 17);

        // The decision point (docs/datapath.md "Parse"): the TCP flags' place for IPv4, the ARP body's end, or the L3 offset.
        assign(l4Offset, add(l3Offset, headerWords));
        assign(need, mux(ipv4, resize(add(l4Offset, u(TCP_FLAGS + 1, OFFSET_BITS)), OFFSET_BITS + 1),
                mux(arpType, add(resize(l3Offset, OFFSET_BITS + 1), u(ARP_BODY_BYTES, OFFSET_BITS + 1)),
                        resize(l3Offset, OFFSET_BITS + 1))));
        assign(due, ge(len, resize(need, 16)));

        Bool shortForHeader = lt(len17, add(l3Offset17, u(20, 17)));
        Bool malformed = or(neq(version, u(4, 4)), lt(ihl, 5));
        Bool shortForTotal = lt(len17, add(l3Offset17, total17));
        Bool l4Candidate = and(or(eq(proto, 6), eq(proto, 17)), not(fragment));
        Bool shortForPorts = and(l4Candidate, lt(total17, add(headerLength, u(4, 17))));
        Bool earlyError = and(ipv4, or(malformed, lt(total17, headerLength), shortForPorts));
        Bool endError = or(runt, earlyError, and(ipv4, or(shortForHeader, shortForTotal)));

        Bits ports = cat(cat(l4(0), l4(1)), cat(l4(2), l4(3)));
        Bits flagsByte = l4(TCP_FLAGS);
        // Flags only of a TCP segment long enough to hold them; otherwise 0 (the frame is still forwarded).
        Bool flagsPresent = and(eq(proto, 6), not(fragment), ge(total17, add(headerLength, u(TCP_FLAGS + 1, 17))));
        // An ARP frame for other address types, or too short for its body, is still valid: it has no ARP fields.
        Bool arp = and(arpType, ge(len17, add(l3Offset17, u(ARP_BODY_BYTES, 17))), eq(l3(0, 6), ARP_IPV4_OVER_ETHERNET));

        Bits endStatus = status(cut, rxError, endError);
        assign(lateStatus, status(cut, rxError, and(ipv4, shortForTotal)));
        FrameMeta.LAYOUT.assignAll(meta, Map.<String, Data>ofEntries(
                Map.entry("status", mux(last, endStatus, status(FALSE(), FALSE(), earlyError))),
                Map.entry("dst_mac", be(0, 6)),
                Map.entry("src_mac", be(6, 6)),
                Map.entry("l4", and(ipv4, l4Candidate)),
                Map.entry("proto", proto),
                Map.entry("src_ip", mux(arp, l3(14, 4), l3(12, 4))),
                Map.entry("dst_ip", mux(arp, l3(ARP_TARGET_IP, 4), l3(16, 4))),
                Map.entry("src_port", slice(ports, 16, 16)),
                Map.entry("dst_port", slice(ports, 0, 16)),
                Map.entry("tcp_flags", mux(flagsPresent, flagsByte, b(0, 8))),
                Map.entry("arp", arp),
                Map.entry("arp_request", and(arp, eq(l3(6, 2), ARP_REQUEST))),
                Map.entry("arp_sha", l3(8, 6))));
    }

    private static Bits status(Bool oversize, Bool rxError, Bool parseError) {
        return mux(oversize, b(FrameStatus.OVERSIZE.code(), FrameStatus.WIDTH),
                mux(rxError, b(FrameStatus.RX_ERROR.code(), FrameStatus.WIDTH),
                        mux(parseError, b(FrameStatus.PARSE_ERROR.code(), FrameStatus.WIDTH),
                                b(FrameStatus.OK.code(), FrameStatus.WIDTH))));
    }

    /** {@code count} frame bytes from {@code offset}, big-endian (network order): the first byte in the top bits. */
    private Bits be(int offset, int count) {
        Bits out = fixedByte(offset);
        for (int i = 1; i < count; i++) out = cat(out, fixedByte(offset + i));
        return out;
    }

    /** {@code count} bytes at {@code offset} into the IPv4 or ARP header, wherever the VLAN tag put it. */
    private Bits l3(int offset, int count) {
        Bits out = l3Byte(offset);
        for (int i = 1; i < count; i++) out = cat(out, l3Byte(offset + i));
        return out;
    }

    /** Byte {@code offset} of the frame, which always passes in the same beat and lane. */
    private Bits fixedByte(int offset) {
        return bytes.computeIfAbsent("frame" + offset, k -> fixedByteAt(offset));
    }

    private Bits fixedByteAt(int offset) {
        return byteAt(eq(beat, offset / beatBytes), lane(offset % beatBytes));
    }

    private Bits l3Byte(int offset) {
        return bytes.computeIfAbsent("l3" + offset, k -> l3ByteAt(offset));
    }

    private Bits l3ByteAt(int offset) {
        int untagged = UNTAGGED_L3 + offset;
        int tagged = TAGGED_L3 + offset;
        return byteAt(mux(vlan, eq(beat, tagged / beatBytes), eq(beat, untagged / beatBytes)),
                mux(vlan, lane(tagged % beatBytes), lane(untagged % beatBytes)));
    }

    /** Byte {@code offset} after the IPv4 header, whose place moves with the tag (2 places) and the IHL (16). */
    private Bits l4(int offset) {
        return bytes.computeIfAbsent("l4" + offset, k -> l4At(offset));
    }

    private Bits l4At(int offset) {
        UInt at = add(l4Offset, u(offset, OFFSET_BITS));
        int compared = Math.max(OFFSET_BITS - laneBits, beat.getBitsWidth());
        Bool here = eq(resize(slice(at, laneBits, OFFSET_BITS - laneBits), compared), resize(beat, compared));
        // Only the lanes congruent to the byte's offset modulo 4 can hold it.
        int residue = (L3_RESIDUE + offset) % 4;
        List<Bits> candidates = new ArrayList<>();
        for (int l = residue; l < beatBytes; l += 4) candidates.add(lane(l));
        UInt which = slice(at, 2, laneBits - 2);
        Bits pick = candidates.get(0);
        for (int k = 1; k < candidates.size(); k++) pick = mux(eq(which, k), candidates.get(k), pick);
        return byteAt(here, pick);
    }

    private Bits lane(int l) {
        return slice(data, 8 * l, 8);
    }

    /** A captured byte: the lane while it passes (and loaded then), the register afterwards. */
    private Bits byteAt(Bool here, Bits laneByte) {
        Bits held = reg(() -> bits(8));
        captured.add(held);
        when(and(capture, here), () -> assign(held, laneByte));
        return mux(here, laneByte, held);
    }
}
