package flowswitch.hdl.board.eth;

import flowswitch.config.HardwareParams;

/**
 * Build parameters of one Ethernet port (MAC plus its clock-domain crossings).
 *
 * @param phyWidth       bits per PHY clock: 4 for MII (100 Mb/s nibbles), 8 for GMII/RGMII (1 Gb/s bytes)
 * @param dataWidth      AXI4-Stream width on the switch side (a multiple of 8)
 * @param rxFifoBeats    receive crossing FIFO depth in switch beats (a power of two)
 * @param txFifoBeats    transmit crossing FIFO depth; it must hold a whole longest frame, because a frame only starts
 *                       on the wire once all of it is in the FIFO (the PHY cannot be paused mid-frame)
 * @param maxFrameBytes  longest frame (without FCS) the switch passes
 */
public record EthMacConfig(int phyWidth, int dataWidth, int rxFifoBeats, int txFifoBeats, int maxFrameBytes) {

    public EthMacConfig {
        if (phyWidth != 4 && phyWidth != 8) {
            throw new IllegalArgumentException("phyWidth must be 4 (MII) or 8 (GMII/RGMII), got " + phyWidth);
        }
        if (dataWidth < 16 || dataWidth % 8 != 0) {
            throw new IllegalArgumentException("dataWidth must be a multiple of 8, at least 16, got " + dataWidth);
        }
        requirePowerOfTwo("rxFifoBeats", rxFifoBeats);
        requirePowerOfTwo("txFifoBeats", txFifoBeats);
        int frameBeats = (maxFrameBytes + dataWidth / 8 - 1) / (dataWidth / 8);
        if (txFifoBeats <= frameBeats) {
            throw new IllegalArgumentException("txFifoBeats " + txFifoBeats + " cannot hold a whole " + maxFrameBytes
                    + "-byte frame (" + frameBeats + " beats) plus one; use at least the next power of two above "
                    + frameBeats);
        }
    }

    /** Crossing FIFOs sized for one longest frame each way, for the switch built from {@code hw}. */
    public static EthMacConfig forHardware(HardwareParams hw, int phyWidth) {
        int frameBeats = hw.maxFrameBytes() / hw.bytesPerBeat();
        int depth = Integer.highestOneBit(frameBeats) << 1;
        return new EthMacConfig(phyWidth, hw.dataWidth(), depth, depth, hw.maxFrameBytes());
    }

    public int bytesPerBeat() {
        return dataWidth / 8;
    }

    /** PHY transfers per byte: two nibbles on MII, one byte on GMII. */
    public int unitsPerByte() {
        return 8 / phyWidth;
    }

    private static void requirePowerOfTwo(String name, int value) {
        if (value < 2 || Integer.bitCount(value) != 1) {
            throw new IllegalArgumentException(name + " must be a power of two, at least 2, got " + value);
        }
    }
}
