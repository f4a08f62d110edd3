package flowswitch.sim.traffic;

/**
 * A planned frame, complete but for its sequence number, which is only known once all traffic is interleaved.
 * Every frame is at least {@link #MIN_FRAME} bytes and ends with the sequence number.
 */
sealed interface Packet permits TcpPacket, UdpPacket, ArpPacket, RawPacket, FragmentPacket, MalformedPacket {
    /** The Ethernet minimum without FCS. */
    int MIN_FRAME = 60;
    /** The Ethernet maximum without FCS, for untagged and tagged frames alike here. */
    int MAX_FRAME = 1518;

    byte[] build(int sequence);

    /** The frame length for headers plus payload: at least 60, and room for the sequence number after the headers. */
    static int frameLength(int headers, int payload) {
        return Math.max(MIN_FRAME, headers + Math.max(payload, TrafficFrame.SEQUENCE_BYTES));
    }

    /** A buffer of {@code length} bytes whose payload bytes hold a pattern and whose last 4 the sequence number. */
    static byte[] frame(int length, int payloadStart, int payloadLength, int sequence) {
        byte[] frame = new byte[length];
        for (int i = 0; i < payloadLength; i++) {
            frame[payloadStart + i] = (byte) (sequence * 31 + i);
        }
        Bytes.put32(frame, length - TrafficFrame.SEQUENCE_BYTES, sequence);
        return frame;
    }
}
