package flowswitch.hdl.ingress;

import flowswitch.config.HardwareParams;

/**
 * Build parameters of one ingress port.
 *
 * @param dataWidth      AXI4-Stream tdata width in bits (64..1024, a multiple of 64)
 * @param maxFrameBytes  longest frame stored; longer frames are cut there, dropped and counted as oversize
 * @param frameFifoBeats depth of the store-and-forward frame FIFO, at least one longest frame
 * @param metaFifoDepth  parsed-frame records that may wait for the decision unit
 */
public record IngressPortConfig(int dataWidth, int maxFrameBytes, int frameFifoBeats, int metaFifoDepth) {

    /** Bytes up to the TCP flags of the longest header we parse: Ethernet + 802.1Q + IPv4 with 40 bytes of options. */
    public static final int PARSED_HEADER_BYTES = 14 + 4 + 60 + 14;

    public IngressPortConfig {
        if (dataWidth < 64 || dataWidth > 1024 || dataWidth % 64 != 0) {
            throw new IllegalArgumentException("dataWidth must be a multiple of 64 in 64..1024, got " + dataWidth);
        }
        if (maxFrameBytes < 64 || maxFrameBytes > 16384 || maxFrameBytes % (dataWidth / 8) != 0) {
            throw new IllegalArgumentException("maxFrameBytes must be 64..16384 and a multiple of " + dataWidth / 8
                    + " (bytes per beat), got " + maxFrameBytes);
        }
        if (frameFifoBeats < maxFrameBytes / (dataWidth / 8)) {
            throw new IllegalArgumentException("frameFifoBeats must hold one longest frame ("
                    + maxFrameBytes / (dataWidth / 8) + " beats), got " + frameFifoBeats);
        }
        if (metaFifoDepth < 2) throw new IllegalArgumentException("metaFifoDepth must be at least 2, got " + metaFifoDepth);
    }

    public static IngressPortConfig defaults() {
        return forHardware(HardwareParams.defaults());
    }

    /** Two longest frames of buffering, so one can be received while the previous one leaves. */
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

    /** Beats captured for parsing: enough to reach the TCP flags of the longest header. */
    public int headerBeats() {
        return (PARSED_HEADER_BYTES + bytesPerBeat() - 1) / bytesPerBeat();
    }

    public int headerBytes() {
        return headerBeats() * bytesPerBeat();
    }
}
