package flowswitch.sim.traffic;

import flowswitch.config.Protocol;

/** A UDP datagram whose payload ends with the sequence number. */
record UdpPacket(Link link, Ip ip, int sourcePort, int destinationPort, int payload) implements Packet {
    static final int HEADER = 8;

    UdpPacket {
        if (payload < TrafficFrame.SEQUENCE_BYTES) {
            throw new IllegalArgumentException("a UDP payload holds the sequence number: at least 4 bytes");
        }
    }

    int headers() {
        return link.length() + ip.headerLength() + HEADER;
    }

    @Override
    public byte[] build(int sequence) {
        int l3 = link.length();
        int l4 = l3 + ip.headerLength();
        int datagram = HEADER + payload;
        byte[] frame = Packet.frame(Packet.frameLength(headers(), payload), l4 + HEADER, payload, sequence);
        link.write(frame, Link.ETHERTYPE_IPV4);
        ip.write(frame, l3, Protocol.UDP.number(), ip.headerLength() + datagram, sequence, 0);
        Bytes.put16(frame, l4, sourcePort);
        Bytes.put16(frame, l4 + 2, destinationPort);
        Bytes.put16(frame, l4 + 4, datagram);
        int checksum = ip.pseudoHeader(Protocol.UDP.number(), datagram).add(frame, l4, datagram).value();
        // RFC 768: a computed 0 is sent as all ones, since 0 means "no checksum".
        Bytes.put16(frame, l4 + 6, checksum == 0 ? 0xFFFF : checksum);
        return frame;
    }
}
