package flowswitch.sim.traffic;

import flowswitch.config.Ipv4Address;
import flowswitch.config.MacAddress;

/** An ARP request or reply for IPv4 over Ethernet; the sequence number sits in the padding. */
record ArpPacket(Link link, Operation operation, MacAddress senderMac, Ipv4Address senderIp, MacAddress targetMac,
                 Ipv4Address targetIp) implements Packet {
    private static final int BODY = 28;

    enum Operation {
        REQUEST(1), REPLY(2);

        private final int code;

        Operation(int code) {
            this.code = code;
        }
    }

    @Override
    public byte[] build(int sequence) {
        byte[] frame = Packet.frame(Packet.frameLength(link.length() + BODY, 0), 0, 0, sequence);
        int at = link.write(frame, Link.ETHERTYPE_ARP);
        Bytes.put16(frame, at, 1); // hardware type Ethernet
        Bytes.put16(frame, at + 2, Link.ETHERTYPE_IPV4);
        frame[at + 4] = 6;
        frame[at + 5] = 4;
        Bytes.put16(frame, at + 6, operation.code);
        Bytes.put(frame, at + 8, senderMac.bytes());
        Bytes.put(frame, at + 14, senderIp.bytes());
        Bytes.put(frame, at + 18, targetMac.bytes());
        Bytes.put(frame, at + 24, targetIp.bytes());
        return frame;
    }
}
