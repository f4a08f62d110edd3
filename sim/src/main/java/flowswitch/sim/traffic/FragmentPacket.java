package flowswitch.sim.traffic;

import flowswitch.config.Protocol;

/**
 * One IPv4 fragment of a UDP datagram. The first carries the UDP header, with checksum 0 ("none", allowed over
 * IPv4) because each fragment's sequence number is only known when it is built.
 */
record FragmentPacket(Link link, Ip ip, int sourcePort, int destinationPort, int offsetUnits, boolean last,
                      int payload, int datagramLength) implements Packet {
    @Override
    public byte[] build(int sequence) {
        int l3 = link.length();
        int l4 = l3 + ip.headerLength();
        byte[] frame = Packet.frame(Packet.frameLength(l4, payload), l4, payload, sequence);
        link.write(frame, Link.ETHERTYPE_IPV4);
        int fragmentField = (last ? 0 : Ip.MORE_FRAGMENTS) | offsetUnits;
        ip.write(frame, l3, Protocol.UDP.number(), ip.headerLength() + payload, sequence, fragmentField);
        if (offsetUnits == 0) {
            Bytes.put16(frame, l4, sourcePort);
            Bytes.put16(frame, l4 + 2, destinationPort);
            Bytes.put16(frame, l4 + 4, datagramLength);
            Bytes.put16(frame, l4 + 6, 0);
        }
        return frame;
    }
}
