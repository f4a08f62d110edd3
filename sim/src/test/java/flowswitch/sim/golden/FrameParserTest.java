package flowswitch.sim.golden;

import flowswitch.config.Ipv4Address;
import flowswitch.config.MacAddress;
import flowswitch.config.Protocol;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static flowswitch.sim.golden.Frames.TCP;
import static flowswitch.sim.golden.Frames.UDP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class FrameParserTest {
    private static final MacAddress DST = MacAddress.parse("02:00:00:00:00:aa");
    private static final MacAddress SRC = MacAddress.parse("02:00:00:00:00:bb");
    private static final int SYN = 0x02;
    private static final FiveTuple WEB = new FiveTuple(Ipv4Address.parse("10.0.0.1"), Ipv4Address.parse("192.0.2.10"),
            Protocol.TCP, 40000, 80);

    private final FrameParser parser = new FrameParser(64, 8);

    @Test
    void oversizeComesFirstThenRxErrorThenRunt() {
        byte[] big = Frames.ethernet(DST, SRC, 0x88B5, 65);
        assertRejected(DropReason.OVERSIZE, parser.parse(big, false));
        assertRejected(DropReason.OVERSIZE, parser.parse(big, true));
        assertRejected(DropReason.RX_ERROR, parser.parse(Frames.ethernet(DST, SRC, 0x88B5, 64), true));
        assertRejected(DropReason.RX_ERROR, parser.parse(new byte[3], true));
        assertRejected(DropReason.PARSE_ERROR, parser.parse(Frames.truncate(web(), 13), false));
    }

    @Test
    void aFourteenByteFrameIsValid() {
        assertEquals(new ParsedFrame(DST, SRC, 0x88B5, Optional.empty()),
                parser.parse(Frames.ethernet(DST, SRC, 0x88B5, 14), false));
    }

    @Test
    void nonIpFramesHaveNoL3Fields() {
        assertEquals(new ParsedFrame(DST, SRC, 0x0806, Optional.empty()),
                parser.parse(Frames.ethernet(DST, SRC, 0x0806, 60), false));
        assertEquals(new ParsedFrame(DST, SRC, 0x86DD, Optional.empty()),
                parser.parse(Frames.ethernet(DST, SRC, 0x86DD, 60), false));
    }

    @Test
    void ipv4TcpAndUdpCarryTheirPorts() {
        assertEquals(new ParsedFrame(DST, SRC, 0x0800, Optional.of(WEB), SYN), parser.parse(web(), false));
        byte[] udp = Frames.ipv4(DST, SRC, UDP, "10.0.0.2", "192.0.2.10", 5353, 53);
        assertEquals(Optional.of(new FiveTuple(Ipv4Address.parse("10.0.0.2"), Ipv4Address.parse("192.0.2.10"),
                Protocol.UDP, 5353, 53)), parsed(udp).ports());
    }

    @Test
    void aVlanTagMovesLayerThreeToByte18() {
        byte[] tagged = Frames.tagged(web(), 7);
        assertEquals(new ParsedFrame(DST, SRC, 0x0800, Optional.of(WEB), SYN), parser.parse(tagged, false));
        assertEquals(0x88B5, parsed(Frames.tagged(Frames.ethernet(DST, SRC, 0x88B5, 14), 7)).etherType());
        assertRejected(DropReason.PARSE_ERROR, parser.parse(Frames.truncate(tagged, 17), false));
    }

    @Test
    void aSecondTagIsJustAnEthertype() {
        byte[] doubleTagged = Frames.tagged(Frames.tagged(Frames.truncate(web(), 56), 7), 8);
        assertEquals(new ParsedFrame(DST, SRC, 0x8100, Optional.empty()), parser.parse(doubleTagged, false));
    }

    @Test
    void truncatedIpv4HeaderIsAParseError() {
        assertRejected(DropReason.PARSE_ERROR, parser.parse(Frames.truncate(web(), 33), false));
        byte[] tagged = Frames.tagged(web(), 1);
        assertRejected(DropReason.PARSE_ERROR, parser.parse(Frames.truncate(tagged, 37), false));
    }

    @Test
    void wrongVersionOrShortIhlIsAParseError() {
        byte[] v6 = web();
        v6[14] = 0x65;
        assertRejected(DropReason.PARSE_ERROR, parser.parse(v6, false));
        byte[] ihl4 = web();
        ihl4[14] = 0x44;
        assertRejected(DropReason.PARSE_ERROR, parser.parse(ihl4, false));
    }

    @Test
    void aFrameGoingOnPastItsDecisionPointIsDecidedOnItsHeaderAndItsEndErrorsAreLate() {
        // 8-byte beats: a TCP frame's decision point is byte 47, in beat 5; a 60-byte frame ends in beat 7.
        FrameParser.Decided bad = parser.decide(web(), true);
        assertEquals(parser.parse(web(), false), bad.result());
        assertEquals(Optional.of(DropReason.RX_ERROR), bad.lateError());
        byte[] longTotal = web();
        Frames.put16(longTotal, 16, 47);
        assertEquals(Optional.of(DropReason.PARSE_ERROR), parser.decide(longTotal, false).lateError());
        byte[] big = Frames.ethernet(DST, SRC, 0x88B5, 65);
        assertEquals(new FrameParser.Decided(parser.parse(Frames.truncate(big, 64), false), Optional.of(DropReason.OVERSIZE)),
                parser.decide(big, true));
        assertEquals(new FrameParser.Decided(parser.parse(web(), false), Optional.empty()), parser.decide(web(), false));
    }

    @Test
    void aFrameEndingInTheBeatOfItsDecisionPointIsDecidedAtItsEnd() {
        byte[] ends = Frames.truncate(web(), 48);
        Frames.put16(ends, 16, 34);
        assertEquals(new FrameParser.Decided(parser.parse(ends, true), Optional.empty()), parser.decide(ends, true));
        assertRejected(DropReason.RX_ERROR, parser.decide(ends, true).result());
        byte[] truncated = Frames.truncate(web(), 40);
        assertRejected(DropReason.PARSE_ERROR, parser.decide(truncated, false).result());
    }

    @Test
    void totalLengthMustCoverTheHeaderAndFitTheFrame() {
        byte[] shortTotal = web();
        Frames.put16(shortTotal, 16, 19);
        assertRejected(DropReason.PARSE_ERROR, parser.parse(shortTotal, false));
        byte[] longTotal = web();
        Frames.put16(longTotal, 16, 47); // 14 + 47 = 61 > 60
        assertRejected(DropReason.PARSE_ERROR, parser.parse(longTotal, false));
        byte[] exact = web();
        Frames.put16(exact, 16, 46); // 14 + 46 = 60: no padding
        assertEquals(Optional.of(WEB), parsed(exact).ports());
    }

    @Test
    void ipOptionsMoveThePorts() {
        byte[] options = web();
        options[14] = 0x46; // IHL 6: 4 option bytes, ports at 14 + 24
        Frames.put(options, 34, new byte[] {(byte) 0x94, 4, 0, 0});
        Frames.put16(options, 38, 1234);
        Frames.put16(options, 40, 80);
        Frames.put16(options, 16, 44);
        assertEquals(Optional.of(new FiveTuple(WEB.source(), WEB.destination(), Protocol.TCP, 1234, 80)),
                parsed(options).ports());
    }

    @Test
    void fragmentsHaveNoPorts() {
        byte[] moreFragments = web();
        Frames.put16(moreFragments, 20, 0x2000);
        assertEquals(new ParsedFrame(DST, SRC, 0x0800, Optional.empty()), parser.parse(moreFragments, false));
        byte[] offset = web();
        Frames.put16(offset, 20, 0x0001);
        assertEquals(Optional.empty(), parsed(offset).ports());
        byte[] dontFragment = web();
        Frames.put16(dontFragment, 20, 0x4000);
        assertEquals(Optional.of(WEB), parsed(dontFragment).ports());
    }

    @Test
    void l4NeedsFourBytesOfPortsInsideTheTotalLength() {
        byte[] noPorts = web();
        Frames.put16(noPorts, 16, 23);
        assertRejected(DropReason.PARSE_ERROR, parser.parse(noPorts, false));
        byte[] justPorts = web();
        Frames.put16(justPorts, 16, 24);
        assertEquals(Optional.of(WEB), parsed(justPorts).ports());
        // A fragment or another protocol needs no ports, so the same length is fine there.
        Frames.put16(noPorts, 20, 0x2000);
        assertEquals(Optional.empty(), parsed(noPorts).ports());
        byte[] icmp = web();
        icmp[23] = 1;
        Frames.put16(icmp, 16, 20);
        assertEquals(new ParsedFrame(DST, SRC, 0x0800, Optional.empty()), parser.parse(icmp, false));
    }

    @Test
    void arpForIpv4OverEthernetCarriesItsAddresses() {
        byte[] request = Frames.arp(DST, SRC, ArpMessage.REQUEST, SRC, "10.0.0.1", "192.0.2.10");
        ArpMessage expected = new ArpMessage(14, ArpMessage.REQUEST, SRC, Ipv4Address.parse("10.0.0.1"),
                Ipv4Address.parse("192.0.2.10"));
        assertEquals(ParsedFrame.arp(DST, SRC, Frames.ETHERTYPE_ARP, expected), parser.parse(request, false));
        assertEquals(Optional.of(expected), parsed(Frames.truncate(request, 42)).arp(), "the body just fits");
        ArpMessage tagged = new ArpMessage(18, ArpMessage.REQUEST, SRC, expected.senderIp(), expected.targetIp());
        assertEquals(Optional.of(tagged), parsed(Frames.tagged(request, 5)).arp());
        assertEquals(Optional.of(tagged), parsed(Frames.truncate(Frames.tagged(request, 5), 46)).arp());
    }

    @Test
    void otherArpIsValidWithoutArpFields() {
        byte[] request = Frames.arp(DST, SRC, ArpMessage.REQUEST, SRC, "10.0.0.1", "192.0.2.10");
        assertEquals(new ParsedFrame(DST, SRC, Frames.ETHERTYPE_ARP, Optional.empty()),
                parser.parse(Frames.truncate(request, 41), false), "one byte short of the body");
        assertEquals(Optional.empty(), parsed(Frames.truncate(Frames.tagged(request, 5), 45)).arp());
        for (int at = 14; at < 20; at++) {
            byte[] other = request.clone();
            other[at] ^= 0x40; // another hardware type, protocol type or address length
            assertEquals(Optional.empty(), parsed(other).arp(), "byte " + at);
        }
    }

    private static byte[] web() {
        return Frames.ipv4(DST, SRC, TCP, "10.0.0.1", "192.0.2.10", 40000, 80);
    }

    private ParsedFrame parsed(byte[] frame) {
        return assertInstanceOf(ParsedFrame.class, parser.parse(frame, false));
    }

    private static void assertRejected(DropReason reason, ParseResult result) {
        assertEquals(new ParseResult.Rejected(reason), result);
    }
}
