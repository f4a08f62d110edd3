package flowswitch.sim.traffic;

/** A frame of an ethertype the switch does not parse, filled with a pattern up to the sequence number. */
record RawPacket(Link link, int etherType, int length) implements Packet {
    @Override
    public byte[] build(int sequence) {
        int payload = length - link.length();
        byte[] frame = Packet.frame(Packet.frameLength(link.length(), payload), link.length(), payload, sequence);
        link.write(frame, etherType);
        return frame;
    }
}
