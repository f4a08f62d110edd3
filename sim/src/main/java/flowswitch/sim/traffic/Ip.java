package flowswitch.sim.traffic;

import flowswitch.config.Ipv4Address;

/** The IPv4 header fields a generated packet chooses; the identification is the frame's sequence number. */
record Ip(Ipv4Address source, Ipv4Address destination, int ttl, IpOptions options) {
    static final int BASE_HEADER = 20;
    static final int DONT_FRAGMENT = 0x4000;
    static final int MORE_FRAGMENTS = 0x2000;

    int headerLength() {
        return BASE_HEADER + options.bytes().length;
    }

    Ip reversed(int newTtl) {
        return new Ip(destination, source, newTtl, options);
    }

    /** Writes a header with a correct checksum at {@code at}. */
    void write(byte[] frame, int at, int protocol, int totalLength, int sequence, int fragmentField) {
        frame[at] = (byte) (0x40 | headerLength() / 4);
        frame[at + 1] = 0;
        Bytes.put16(frame, at + 2, totalLength);
        Bytes.put16(frame, at + 4, sequence);
        Bytes.put16(frame, at + 6, fragmentField);
        frame[at + 8] = (byte) ttl;
        frame[at + 9] = (byte) protocol;
        Bytes.put16(frame, at + 10, 0);
        Bytes.put(frame, at + 12, source.bytes());
        Bytes.put(frame, at + 16, destination.bytes());
        Bytes.put(frame, at + BASE_HEADER, options.bytes());
        Bytes.put16(frame, at + 10, new Checksum().add(frame, at, headerLength()).value());
    }

    /** The TCP/UDP pseudo-header of RFC 793 / RFC 768. */
    Checksum pseudoHeader(int protocol, int l4Length) {
        return new Checksum().add32(source.value()).add32(destination.value()).add16(protocol).add16(l4Length);
    }
}
