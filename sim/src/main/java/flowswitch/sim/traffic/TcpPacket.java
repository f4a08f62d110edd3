package flowswitch.sim.traffic;

import flowswitch.config.Protocol;

/** A TCP segment; a data segment ({@code payload >= 4}) ends with the sequence number, a bare one has it in padding. */
record TcpPacket(Link link, Ip ip, TcpHeader tcp, int payload) implements Packet {
    TcpPacket {
        if (payload > 0 && payload < TrafficFrame.SEQUENCE_BYTES) {
            throw new IllegalArgumentException("a TCP payload holds the sequence number: 0 or at least 4 bytes");
        }
    }

    int headers() {
        return link.length() + ip.headerLength() + tcp.length();
    }

    @Override
    public byte[] build(int sequence) {
        int l3 = link.length();
        int l4 = l3 + ip.headerLength();
        int segment = tcp.length() + payload;
        byte[] frame = Packet.frame(Packet.frameLength(headers(), payload), l4 + tcp.length(), payload, sequence);
        link.write(frame, Link.ETHERTYPE_IPV4);
        ip.write(frame, l3, Protocol.TCP.number(), ip.headerLength() + segment, sequence, Ip.DONT_FRAGMENT);
        tcp.write(frame, l4);
        Bytes.put16(frame, l4 + 16, ip.pseudoHeader(Protocol.TCP.number(), segment).add(frame, l4, segment).value());
        return frame;
    }
}
