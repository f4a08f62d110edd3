package flowswitch.sim.traffic;

import java.util.Arrays;

/**
 * One generated frame and the switch port it enters on. Every generated frame ends with its 32-bit sequence
 * number (big-endian, the last 4 bytes, unique within one generated list), which the switch never rewrites, so
 * a test can match what leaves with what went in. In data packets those bytes end the TCP/UDP payload; in bare
 * TCP segments and ARP they sit in the Ethernet padding, which the switch forwards as it is. {@code rxError}: the MAC
 * marks the frame bad ({@code tuser} on its last beat).
 */
public record TrafficFrame(int ingressPort, byte[] frame, boolean rxError) {
    public static final int SEQUENCE_BYTES = 4;

    /** A frame the MAC received good. */
    public TrafficFrame(int ingressPort, byte[] frame) {
        this(ingressPort, frame, false);
    }

    public TrafficFrame {
        if (frame.length < SEQUENCE_BYTES) {
            throw new IllegalArgumentException("a " + frame.length + "-byte frame cannot carry a sequence number");
        }
        frame = frame.clone();
    }

    @Override
    public byte[] frame() {
        return frame.clone();
    }

    public int sequence() {
        return sequenceOf(frame);
    }

    /** The sequence number of a generated frame, as it went in or as it came out of the switch. */
    public static int sequenceOf(byte[] frame) {
        int at = frame.length - SEQUENCE_BYTES;
        return (frame[at] & 0xff) << 24 | (frame[at + 1] & 0xff) << 16 | (frame[at + 2] & 0xff) << 8
                | frame[at + 3] & 0xff;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrafficFrame that && ingressPort == that.ingressPort && rxError == that.rxError
                && Arrays.equals(frame, that.frame);
    }

    @Override
    public int hashCode() {
        return (ingressPort * 31 + Arrays.hashCode(frame)) * 2 + (rxError ? 1 : 0);
    }

    @Override
    public String toString() {
        return "TrafficFrame[port=" + ingressPort + ", " + frame.length + " bytes, seq=" + sequence()
                + (rxError ? ", rx_error" : "") + "]";
    }
}
