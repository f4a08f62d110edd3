package flowswitch.sim.traffic;

/** The TCP header of one generated segment; SYNs carry an MSS option as real stacks do. */
record TcpHeader(int sourcePort, int destinationPort, int sequenceNumber, int acknowledgment, int flags) {
    static final int FIN = 0x01;
    static final int SYN = 0x02;
    static final int PSH = 0x08;
    static final int ACK = 0x10;
    static final int BASE = 20;
    private static final int WINDOW = 64240;
    private static final int MSS = 1460;

    /** The sequence numbers a segment uses: its payload, plus one for SYN or FIN. */
    int sequenceSpace(int payload) {
        return payload + ((flags & (SYN | FIN)) != 0 ? 1 : 0);
    }

    int length() {
        return (flags & SYN) != 0 ? BASE + 4 : BASE;
    }

    /** Writes the header with a zero checksum; the packet fills the checksum in once the payload is in place. */
    void write(byte[] frame, int at) {
        Bytes.put16(frame, at, sourcePort);
        Bytes.put16(frame, at + 2, destinationPort);
        Bytes.put32(frame, at + 4, sequenceNumber);
        Bytes.put32(frame, at + 8, acknowledgment);
        frame[at + 12] = (byte) (length() / 4 << 4);
        frame[at + 13] = (byte) flags;
        Bytes.put16(frame, at + 14, WINDOW);
        Bytes.put16(frame, at + 16, 0);
        Bytes.put16(frame, at + 18, 0);
        if ((flags & SYN) != 0) {
            frame[at + BASE] = 2;
            frame[at + BASE + 1] = 4;
            Bytes.put16(frame, at + BASE + 2, MSS);
        }
    }
}
