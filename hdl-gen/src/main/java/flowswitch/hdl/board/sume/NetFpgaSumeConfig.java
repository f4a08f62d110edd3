package flowswitch.hdl.board.sume;

import flowswitch.config.HardwareParams;

/**
 * Build parameters of the NetFPGA SUME output-port-lookup core: the switch's hardware parameters, which must use the
 * SUME datapath's 256-bit width and its four physical ports.
 */
public record NetFpgaSumeConfig(HardwareParams hw) {
    /** The reference pipeline's axis_aclk. */
    public static final long CORE_CLOCK_HZ = 200_000_000L;
    /** The control interconnect's clock (S_AXI_ACLK) in the reference designs. */
    public static final long REGISTER_CLOCK_HZ = 100_000_000L;

    public NetFpgaSumeConfig {
        if (hw == null) throw new IllegalArgumentException("NetFpgaSumeConfig needs hardware parameters");
        if (hw.dataWidth() != SumeStream.DATA_WIDTH) {
            throw new IllegalArgumentException("the NetFPGA SUME datapath is " + SumeStream.DATA_WIDTH
                    + " bits wide; set data_width: " + SumeStream.DATA_WIDTH + " (the config has " + hw.dataWidth() + ")");
        }
        if (hw.ports() != SumeStream.PHYSICAL_PORTS) {
            throw new IllegalArgumentException("the NetFPGA SUME has " + SumeStream.PHYSICAL_PORTS
                    + " SFP+ ports; set ports: " + SumeStream.PHYSICAL_PORTS + " (the config has " + hw.ports() + ")");
        }
    }

    /** The default hardware parameters at the SUME's width. */
    public static NetFpgaSumeConfig defaults() {
        return new NetFpgaSumeConfig(HardwareParams.defaults().withDataWidth(SumeStream.DATA_WIDTH));
    }

    /** Beats of the store-and-forward buffer in front of the merge: two longest frames. */
    public int egressBufferBeats() {
        int frameBeats = hw.maxFrameBytes() / hw.bytesPerBeat();
        return Integer.highestOneBit(2 * frameBeats - 1) << 1;
    }
}
