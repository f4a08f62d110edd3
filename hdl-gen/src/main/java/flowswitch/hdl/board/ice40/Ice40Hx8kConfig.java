package flowswitch.hdl.board.ice40;

import flowswitch.config.HardwareParams;
import flowswitch.hdl.board.eth.EthMacConfig;
import flowswitch.hdl.board.eth.MiiPins;
import flowswitch.hdl.control.ControlPlaneConfig;
import flowswitch.hdl.control.uart.UartBridgeConfig;

/**
 * Build parameters of the iCE40-HX8K breakout board tops: the switch's hardware parameters, which must match what
 * the board has pins for (two MII PHYs) and what the part can hold (a 64-bit datapath).
 */
public record Ice40Hx8kConfig(HardwareParams hw) {
    /** MII PHYs the board's constraint file has pins for. */
    public static final int PORTS = 2;
    public static final int DATA_WIDTH = 64;
    /** The breakout board's oscillator (J3), which clocks the switch. */
    public static final long CORE_CLOCK_HZ = 12_000_000L;
    /** The MII receive and transmit clocks, from the PHYs, at 100 Mb/s. */
    public static final long PHY_CLOCK_HZ = 25_000_000L;
    public static final int LEDS = 8;

    /** @throws IllegalArgumentException naming the parameter the board cannot take and what it can */
    public Ice40Hx8kConfig {
        if (hw == null) throw new IllegalArgumentException("Ice40Hx8kConfig needs hardware parameters");
        if (hw.ports() != PORTS) {
            throw new IllegalArgumentException("the iCE40-HX8K board top has pins for " + PORTS + " MII PHYs; set ports: "
                    + PORTS + " (the config has " + hw.ports() + ")");
        }
        if (hw.dataWidth() != DATA_WIDTH) {
            throw new IllegalArgumentException("the iCE40-HX8K board top takes data_width: " + DATA_WIDTH + " (the config has "
                    + hw.dataWidth() + ")");
        }
    }

    /**
     * The smallest switch the parameters allow, with frames up to 1536 bytes (a full-size Ethernet frame with one
     * VLAN tag): two ports, two servers, one service, 16 flows, 4 MAC addresses.
     */
    public static Ice40Hx8kConfig reduced() {
        return new Ice40Hx8kConfig(new HardwareParams(DATA_WIDTH, PORTS, 2, 1, 16, 4, 1536));
    }

    public EthMacConfig mac() {
        return EthMacConfig.forHardware(hw, MiiPins.DATA_WIDTH);
    }

    /** The UART bridge at the default baud rate on the switch's 12 MHz clock. */
    public UartBridgeConfig uart() {
        return new UartBridgeConfig(UartBridgeConfig.clocksPerBit(CORE_CLOCK_HZ, ControlPlaneConfig.DEFAULT_BAUD),
                UartBridgeConfig.DEFAULT_FRAME_GAP_BYTES);
    }
}
