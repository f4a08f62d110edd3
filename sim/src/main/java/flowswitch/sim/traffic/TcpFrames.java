package flowswitch.sim.traffic;

import flowswitch.config.Ipv4Address;
import flowswitch.config.MacAddress;
import java.util.OptionalInt;

/** Single TCP frames of an exact length, for callers that shape traffic themselves (the benchmark). */
public final class TcpFrames {
    private static final int TTL = 64;

    private TcpFrames() {}

    /**
     * A TCP segment of exactly {@code frameLength} bytes (no FCS): a SYN when {@code syn}, else an ACK carrying
     * data; checksums are correct and the last 4 bytes hold {@code sequence}.
     */
    public static byte[] segment(MacAddress dst, MacAddress src, Ipv4Address srcIp, int srcPort, Ipv4Address dstIp,
                                 int dstPort, boolean syn, int frameLength, int sequence) {
        TcpHeader tcp = new TcpHeader(srcPort, dstPort, sequence, syn ? 0 : 1, syn ? TcpHeader.SYN : TcpHeader.ACK);
        Link link = new Link(dst, src, OptionalInt.empty());
        Ip ip = new Ip(srcIp, dstIp, TTL, IpOptions.NONE);
        int payload = frameLength - link.length() - ip.headerLength() - tcp.length();
        if (payload < TrafficFrame.SEQUENCE_BYTES) {
            throw new IllegalArgumentException("a " + frameLength + "-byte TCP frame has no room for its sequence number;"
                    + " use at least " + (frameLength - payload + TrafficFrame.SEQUENCE_BYTES) + " bytes");
        }
        return new TcpPacket(link, ip, tcp, payload).build(sequence);
    }
}
