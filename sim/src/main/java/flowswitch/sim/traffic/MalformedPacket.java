package flowswitch.sim.traffic;

/** A TCP frame with one IPv4 defect, each of which the switch must drop as a parse error. */
record MalformedPacket(TcpPacket packet, Defect defect) implements Packet {
    enum Defect {
        /** Total length reaches past the end of the frame (a truncated packet). */
        TOTAL_LENGTH_PAST_FRAME,
        /** Version 6 in an IPv4 ethertype. */
        WRONG_VERSION,
        /** IHL 4: shorter than the minimum header. */
        SHORT_IHL,
        /** Total length shorter than the header. */
        TOTAL_LENGTH_BELOW_HEADER,
        /** Total length leaves no room for the TCP ports. */
        NO_ROOM_FOR_PORTS
    }

    @Override
    public byte[] build(int sequence) {
        byte[] frame = packet.build(sequence);
        int l3 = packet.link().length();
        int headerLength = packet.ip().headerLength();
        // The header checksum is left as it was: the switch does not check it, and a broken header has no right one.
        switch (defect) {
            case TOTAL_LENGTH_PAST_FRAME -> Bytes.put16(frame, l3 + 2, frame.length - l3 + 1);
            case WRONG_VERSION -> frame[l3] = (byte) (0x60 | frame[l3] & 15);
            case SHORT_IHL -> frame[l3] = 0x44;
            case TOTAL_LENGTH_BELOW_HEADER -> Bytes.put16(frame, l3 + 2, headerLength - 1);
            case NO_ROOM_FOR_PORTS -> Bytes.put16(frame, l3 + 2, headerLength + 3);
        }
        return frame;
    }
}
