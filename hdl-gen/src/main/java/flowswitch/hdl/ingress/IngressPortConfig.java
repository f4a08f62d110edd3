package flowswitch.hdl.ingress;

import flowswitch.config.HardwareParams;

/**
 * Build parameters of one ingress port.
 *
 * @param dataWidth      AXI4-Stream tdata width in bits (64..1024, a multiple of 64)
 * @param maxFrameBytes  longest frame passed on; longer frames are cut there and counted as oversize (dropped, or
 *                       aborted if decided before)
 * @param frameFifoBeats depth of the frame FIFO; the ingress is cut-through, so it need only hold the beats up to the
 *                       deepest decision point (a frame waits there for its decision), but more absorbs the decision
 *                       unit's and the outputs' delays without stopping the input
 * @param metaFifoDepth  parsed-frame records that may wait for the decision unit
 */
public record IngressPortConfig(int dataWidth, int maxFrameBytes, int frameFifoBeats, int metaFifoDepth) {

    /**
     * Bytes up to the TCP flags of the longest header we parse (Ethernet + 802.1Q + IPv4 with 40 bytes of options):
     * the deepest decision point.
     */
    public static final int PARSED_HEADER_BYTES = 14 + 4 + 60 + 14;

    public IngressPortConfig {
        if (dataWidth < 64 || dataWidth > 1024 || dataWidth % 64 != 0) {
            throw new IllegalArgumentException("dataWidth must be a multiple of 64 in 64..1024, got " + dataWidth);
        }
        if (maxFrameBytes < 64 || maxFrameBytes > 16384 || maxFrameBytes % (dataWidth / 8) != 0) {
            throw new IllegalArgumentException("maxFrameBytes must be 64..16384 and a multiple of " + dataWidth / 8
                    + " (bytes per beat), got " + maxFrameBytes);
        }
        int decisionBeats = headerBeats(dataWidth);
        if (frameFifoBeats < decisionBeats) {
            throw new IllegalArgumentException("frameFifoBeats must hold the beats up to the deepest decision point ("
                    + decisionBeats + " beats at " + dataWidth + " bits), got " + frameFifoBeats);
        }
        if (metaFifoDepth < 2) throw new IllegalArgumentException("metaFifoDepth must be at least 2, got " + metaFifoDepth);
    }

    public static IngressPortConfig defaults() {
        return forHardware(HardwareParams.defaults());
    }

    /** Two longest frames of buffering, so that a frame held up by a busy output does not stop the next one's input. */
    public static IngressPortConfig forHardware(HardwareParams hw) {
        int maxBeats = hw.maxFrameBytes() / hw.bytesPerBeat();
        return new IngressPortConfig(hw.dataWidth(), hw.maxFrameBytes(), 2 * maxBeats, 4);
    }

    public IngressPortConfig withDataWidth(int w) {
        int maxBeats = maxFrameBytes / (w / 8);
        return new IngressPortConfig(w, maxFrameBytes, Math.max(frameFifoBeats, 2 * maxBeats), metaFifoDepth);
    }

    public int bytesPerBeat() {
        return dataWidth / 8;
    }

    public int maxFrameBeats() {
        return maxFrameBytes / bytesPerBeat();
    }

    /** Beats up to the deepest decision point: the TCP flags of the longest header. */
    public int headerBeats() {
        return headerBeats(dataWidth);
    }

    private static int headerBeats(int dataWidth) {
        return (PARSED_HEADER_BYTES + dataWidth / 8 - 1) / (dataWidth / 8);
    }
}
