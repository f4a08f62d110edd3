package flowswitch.hdl.ingress;

/**
 * The fixed 20 bytes of an IPv4 header as a test writes them, plus {@code 4 * (ihl - 5)} option bytes when IHL asks
 * for more. Fields are free to be wrong (version 6, IHL 3, a total length that does not fit): the parser must cope.
 *
 * @param flagsOffset bytes 6..7: the flags (0x4000 don't fragment, 0x2000 more fragments) and the fragment offset
 */
record Ipv4Header(int version, int ihl, int totalLength, int flagsOffset, int proto, long srcIp, long dstIp) {
    static final int TCP = 6;
    static final int UDP = 17;
    static final int ICMP = 1;
    static final int DONT_FRAGMENT = 0x4000;
    static final int MORE_FRAGMENTS = 0x2000;

    /** A well-formed header of {@code ihl} words for a datagram of {@code totalLength} bytes. */
    static Ipv4Header of(int ihl, int totalLength, int proto, long srcIp, long dstIp) {
        return new Ipv4Header(4, ihl, totalLength, DONT_FRAGMENT, proto, srcIp, dstIp);
    }

    Ipv4Header withVersion(int v) {
        return new Ipv4Header(v, ihl, totalLength, flagsOffset, proto, srcIp, dstIp);
    }

    Ipv4Header withIhl(int words) {
        return new Ipv4Header(version, words, totalLength, flagsOffset, proto, srcIp, dstIp);
    }

    Ipv4Header withTotalLength(int bytes) {
        return new Ipv4Header(version, ihl, bytes, flagsOffset, proto, srcIp, dstIp);
    }

    Ipv4Header withFlagsOffset(int value) {
        return new Ipv4Header(version, ihl, totalLength, value, proto, srcIp, dstIp);
    }

    Ipv4Header withProto(int protocol) {
        return new Ipv4Header(version, ihl, totalLength, flagsOffset, protocol, srcIp, dstIp);
    }

    /** Bytes this header occupies in the frame: 20, or 4 * IHL when the options make it longer. */
    int bytesWritten() {
        return 4 * Math.max(5, ihl);
    }
}
