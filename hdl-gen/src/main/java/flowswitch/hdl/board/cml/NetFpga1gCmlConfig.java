package flowswitch.hdl.board.cml;

import flowswitch.config.HardwareParams;
import flowswitch.hdl.board.eth.EthMacConfig;

/**
 * Build parameters of the NetFPGA-1G-CML top: the switch's hardware parameters, which must match the board's four
 * RGMII PHYs and a 64-bit datapath (a 1 Gb/s port needs 1 beat per 8 ns at 64 bits; the switch runs at 125 MHz).
 */
public record NetFpga1gCmlConfig(HardwareParams hw) {
    public static final int PORTS = 4;
    public static final int DATA_WIDTH = 64;
    public static final double BOARD_CLOCK_MHZ = 200.0;
    /** The switch and the RGMII transmitters: 200 MHz x 5 / 8 from the MMCM. */
    public static final int MMCM_MULTIPLY = 5;
    public static final int MMCM_DIVIDE = 8;
    public static final long CORE_CLOCK_HZ = 125_000_000L;
    public static final int LEDS = 4;

    public NetFpga1gCmlConfig {
        if (hw == null) throw new IllegalArgumentException("NetFpga1gCmlConfig needs hardware parameters");
        if (hw.ports() != PORTS) {
            throw new IllegalArgumentException("the NetFPGA-1G-CML has " + PORTS + " RGMII PHYs; set ports: " + PORTS
                    + " (the config has " + hw.ports() + ")");
        }
        if (hw.dataWidth() != DATA_WIDTH) {
            throw new IllegalArgumentException("the NetFPGA-1G-CML top takes data_width: " + DATA_WIDTH
                    + " (the config has " + hw.dataWidth() + ")");
        }
    }

    /** The default hardware parameters (4 ports, 64-bit). */
    public static NetFpga1gCmlConfig defaults() {
        return new NetFpga1gCmlConfig(HardwareParams.defaults());
    }

    public EthMacConfig mac() {
        return EthMacConfig.forHardware(hw, RgmiiPins.GMII_WIDTH);
    }
}
