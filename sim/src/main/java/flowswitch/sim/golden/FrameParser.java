package flowswitch.sim.golden;

import flowswitch.config.Ipv4Address;
import flowswitch.config.MacAddress;
import flowswitch.config.Protocol;

import java.util.Arrays;
import java.util.Optional;

/**
 * The parse rules of docs/datapath.md, in their order: the first failure decides. {@link #parse} reads a whole frame;
 * {@link #decide} reads it as the switch does, cut-through: on its header alone when the frame goes on past its
 * decision point, with the errors its end shows (late errors) apart.
 */
public final class FrameParser {
    private static final int ETHERNET_HEADER = 14;
    private static final int VLAN_HEADER = 18;
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_ARP = 0x0806;
    private static final int ARP_HARDWARE_ETHERNET = 1;
    private static final int ARP_BODY = 28;
    private static final int IPV4_MIN_HEADER = 20;
    private static final int FRAGMENT_BITS = 0x3FFF;
    private static final int PORT_BYTES = 4;
    /** Offset of the flags byte in the TCP header. */
    private static final int TCP_FLAGS = 13;

    private final int maxFrameBytes;
    private final int bytesPerBeat;

    /** What the switch decides a frame on, and the late error that aborts it once it is leaving (if any). */
    public record Decided(ParseResult result, Optional<DropReason> lateError) {}

    /** @param bytesPerBeat the data width in bytes: which beat a byte arrives in decides how early a frame is decided */
    public FrameParser(int maxFrameBytes, int bytesPerBeat) {
        this.maxFrameBytes = maxFrameBytes;
        this.bytesPerBeat = bytesPerBeat;
    }

    /** The whole frame, every rule applied: what the switch decides for a frame decided at its end. */
    public ParseResult parse(byte[] frame, boolean rxError) {
        return parse(frame, rxError, true);
    }

    /**
     * As the switch decides: a frame whose decision point comes in a beat before its last stored one is decided on
     * its header (no length, tuser or oversize checks), and what its end shows is its late error.
     */
    public Decided decide(byte[] frame, boolean rxError) {
        if (!decidedEarly(frame)) {
            return new Decided(parse(frame, rxError), Optional.empty());
        }
        return new Decided(parse(frame, false, false), lateError(frame, rxError));
    }

    /** The beat of byte need - 1 (docs/datapath.md "Parse") comes before the frame's last stored beat. */
    private boolean decidedEarly(byte[] frame) {
        int len = frame.length;
        int etherType = len >= ETHERNET_HEADER ? u16(frame, 12) : 0;
        int l3 = ETHERNET_HEADER;
        if (etherType == ETHERTYPE_VLAN) {
            etherType = len >= VLAN_HEADER ? u16(frame, 16) : 0;
            l3 = VLAN_HEADER;
        }
        int need = etherType == ETHERTYPE_IPV4 ? l3 + 4 * (len > l3 ? frame[l3] & 15 : 0) + TCP_FLAGS + 1
                : etherType == ETHERTYPE_ARP ? l3 + ARP_BODY : l3;
        return (need - 1) / bytesPerBeat < (Math.min(len, maxFrameBytes) - 1) / bytesPerBeat;
    }

    /** Oversize, then tuser, then an IPv4 total length past the frame's end. */
    private Optional<DropReason> lateError(byte[] frame, boolean rxError) {
        if (frame.length > maxFrameBytes) {
            return Optional.of(DropReason.OVERSIZE);
        }
        if (rxError) {
            return Optional.of(DropReason.RX_ERROR);
        }
        boolean vlan = u16(frame, 12) == ETHERTYPE_VLAN;
        int l3 = vlan ? VLAN_HEADER : ETHERNET_HEADER;
        boolean ipv4 = u16(frame, l3 - 2) == ETHERTYPE_IPV4;
        return ipv4 && frame.length < l3 + u16(frame, l3 + 2) ? Optional.of(DropReason.PARSE_ERROR) : Optional.empty();
    }

    /** {@code atEnd}: the frame's length is known, so oversize and a total length past its end are checked. */
    private ParseResult parse(byte[] frame, boolean rxError, boolean atEnd) {
        int len = frame.length;
        if (atEnd && len > maxFrameBytes) {
            return new ParseResult.Rejected(DropReason.OVERSIZE);
        }
        if (rxError) {
            return new ParseResult.Rejected(DropReason.RX_ERROR);
        }
        if (len < ETHERNET_HEADER) {
            return malformed();
        }
        int etherType = u16(frame, 12);
        int l3 = ETHERNET_HEADER;
        if (etherType == ETHERTYPE_VLAN) {
            if (len < VLAN_HEADER) {
                return malformed();
            }
            etherType = u16(frame, 16);
            l3 = VLAN_HEADER;
        }
        MacAddress destination = mac(frame, 0);
        MacAddress source = mac(frame, 6);
        if (etherType == ETHERTYPE_ARP && len >= l3 + ARP_BODY && ipv4OverEthernet(frame, l3)) {
            return ParsedFrame.arp(destination, source, etherType, new ArpMessage(l3, u16(frame, l3 + 6),
                    mac(frame, l3 + 8), new Ipv4Address(u32(frame, l3 + 14)), new Ipv4Address(u32(frame, l3 + 24))));
        }
        if (etherType != ETHERTYPE_IPV4) {
            return new ParsedFrame(destination, source, etherType, Optional.empty());
        }
        if (len < l3 + IPV4_MIN_HEADER) {
            return malformed();
        }
        int version = (frame[l3] & 0xff) >> 4;
        int ihl = frame[l3] & 15;
        if (version != 4 || ihl < 5) {
            return malformed();
        }
        int headerLength = 4 * ihl;
        int totalLength = u16(frame, l3 + 2);
        if (totalLength < headerLength || atEnd && len < l3 + totalLength) {
            return malformed();
        }
        boolean fragment = (u16(frame, l3 + 6) & FRAGMENT_BITS) != 0;
        Optional<Protocol> protocol = transport(frame[l3 + 9] & 0xff);
        if (protocol.isEmpty() || fragment) {
            return new ParsedFrame(destination, source, etherType, Optional.empty());
        }
        if (totalLength < headerLength + PORT_BYTES) {
            return malformed();
        }
        int l4 = l3 + headerLength;
        FiveTuple ports = new FiveTuple(new Ipv4Address(u32(frame, l3 + 12)), new Ipv4Address(u32(frame, l3 + 16)),
                protocol.get(), u16(frame, l4), u16(frame, l4 + 2));
        boolean hasFlags = protocol.get() == Protocol.TCP && totalLength >= headerLength + TCP_FLAGS + 1;
        return new ParsedFrame(destination, source, etherType, Optional.of(ports),
                hasFlags ? frame[l4 + TCP_FLAGS] & 0xff : 0);
    }

    /** Hardware type Ethernet, protocol type IPv4, address lengths 6 and 4. */
    private static boolean ipv4OverEthernet(byte[] frame, int l3) {
        return u16(frame, l3) == ARP_HARDWARE_ETHERNET && u16(frame, l3 + 2) == ETHERTYPE_IPV4 && frame[l3 + 4] == 6
                && frame[l3 + 5] == 4;
    }

    private static ParseResult malformed() {
        return new ParseResult.Rejected(DropReason.PARSE_ERROR);
    }

    private static Optional<Protocol> transport(int number) {
        return Arrays.stream(Protocol.values()).filter(p -> p.number() == number).findFirst();
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | b[at + 1] & 0xff;
    }

    private static int u32(byte[] b, int at) {
        return u16(b, at) << 16 | u16(b, at + 2);
    }

    private static MacAddress mac(byte[] b, int at) {
        long value = 0;
        for (int i = 0; i < 6; i++) {
            value = value << 8 | b[at + i] & 0xff;
        }
        return new MacAddress(value);
    }
}
