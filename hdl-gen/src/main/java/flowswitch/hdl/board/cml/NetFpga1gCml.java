package flowswitch.hdl.board.cml;

import static flowswitch.hdl.dsl.Hw.*;
import static flowswitch.hdl.dsl.HwComponent.build;

import flowswitch.hdl.board.Activity;
import flowswitch.hdl.board.BoardClocks;
import flowswitch.hdl.board.SwitchPorts;
import flowswitch.hdl.board.eth.EthPort;
import flowswitch.hdl.board.xilinx.Bufg;
import flowswitch.hdl.board.xilinx.Ibufds;
import flowswitch.hdl.board.xilinx.Mmcme2Base;
import flowswitch.hdl.dsl.HwComponent;
import flowswitch.hdl.stream.AxisBeat;
import flowswitch.hdl.top.FlowSwitch;
import java.util.ArrayList;
import java.util.List;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.ClockDomain;
import spinal.lib.Stream;

/**
 * The flow switch on the NetFPGA-1G-CML (XC7K325T-1FFG676): four RGMII PHYs at 1000 Mb/s, registers over a UART on
 * PMOD JB (a PMOD-RS232 or USB-UART module), four LEDs. The 200 MHz board clock feeds an MMCM making the 125 MHz
 * switch and transmit clock and its 90-degree copy for the RGMII transmit clocks; each PHY's receive clock drives
 * its own receive MAC. Pins are in constraints/netfpga-1g-cml/netfpga-1g-cml.xdc.
 *
 * <p>The MACs are the project's {@link EthPort} over spinal.lib's MAC pieces: spinal.lib has MII, RMII and GMII
 * interfaces but no RGMII, so the RGMII DDR registers are 7-series primitives here ({@link RgmiiPins}).
 *
 * <p>LEDs: 0 heartbeat, 1 a frame received on any port, 2 a frame sent on any port, 3 clocks locked.
 */
public final class NetFpga1gCml extends HwComponent {
    private static final int ACTIVITY_BITS = 23; // 2^23 clocks at 125 MHz: 67 ms

    final Bool clk200P = named(in(bool()), "clk_200_p");
    final Bool clk200N = named(in(bool()), "clk_200_n");
    final Bool resetN = named(in(bool()), "reset_n");
    final Bool uartRxd = named(in(bool()), "uart_rxd");
    final Bool uartTxd = named(out(bool()), "uart_txd");
    final Bits led = named(out(bits(NetFpga1gCmlConfig.LEDS)), "led");
    final Bits phyRstN = named(out(bits(NetFpga1gCmlConfig.PORTS)), "phy_rst_n");
    final List<RgmiiPins> rgmii = new ArrayList<>();
    final Mmcme2Base mmcm;
    final Bool clk125;
    final Bool clk125Shifted;
    final Bool coreReset;
    final List<EthPort> ports = new ArrayList<>();
    final FlowSwitch flowSwitch;

    public NetFpga1gCml(NetFpga1gCmlConfig cfg) {
        moduleName("NetFpga1gCml");
        mmcm = Mmcme2Base.of(Ibufds.of(clk200P, clk200N), NetFpga1gCmlConfig.BOARD_CLOCK_MHZ,
                NetFpga1gCmlConfig.MMCM_MULTIPLY, NetFpga1gCmlConfig.MMCM_DIVIDE);
        clk125 = BoardClocks.net("clk_125", Bufg.of(mmcm.CLKOUT0));
        clk125Shifted = BoardClocks.net("clk_125_90", Bufg.of(mmcm.CLKOUT1));
        coreReset = BoardClocks.net("core_reset", BoardClocks.syncReset(clk125, or(not(resetN), not(mmcm.LOCKED))));
        ClockDomain core = BoardClocks.domain(clk125, coreReset);
        for (int i = 0; i < NetFpga1gCmlConfig.PORTS; i++) {
            RgmiiPins pins = RgmiiPins.declare("rgmii" + i);
            rgmii.add(pins);
            Bool rxClock = BoardClocks.net("rgmii" + i + "_rx_clk", Bufg.of(pins.rxc()));
            ClockDomain rx = BoardClocks.resetFrom(rxClock, coreReset);
            ClockDomain tx = BoardClocks.resetFrom(clk125, coreReset);
            EthPort port = core.apply(() -> build(new EthPort(cfg.mac(), rx, tx)));
            named(port, "port" + i);
            pins.attach(port, rxClock, clk125, clk125Shifted);
            ports.add(port);
        }
        flowSwitch = core.apply(() -> {
            FlowSwitch sw = build(new FlowSwitch(cfg.hw()));
            SwitchPorts pins = new SwitchPorts(sw, cfg.hw().dataWidth());
            pins.idleAxiLite();
            assign(pins.bool("uart_rxd"), uartRxd);
            assign(uartTxd, pins.bool("uart_txd"));
            for (int i = 0; i < NetFpga1gCmlConfig.PORTS; i++) {
                connect(ports.get(i).mAxis, pins.ingress(i));
                connect(pins.egress(i), ports.get(i).sAxis);
            }
            Bool received = FALSE();
            Bool sent = FALSE();
            for (EthPort port : ports) {
                received = or(received, frameEnd(cfg, port.mAxis));
                sent = or(sent, frameEnd(cfg, port.sAxis));
            }
            int n = NetFpga1gCmlConfig.PORTS;
            assign(phyRstN, regNext(mux(coreReset, b(0, n), b((1L << n) - 1, n)), b(0, n)));
            assign(bit(led, 0), Activity.heartbeat(27));
            assign(bit(led, 1), Activity.stretch(received, ACTIVITY_BITS, "rx"));
            assign(bit(led, 2), Activity.stretch(sent, ACTIVITY_BITS, "tx"));
            assign(bit(led, 3), regNext(not(coreReset), FALSE()));
            return sw;
        });
    }

    private static Bool frameEnd(NetFpga1gCmlConfig cfg, Stream<Bits> frames) {
        return and(frames.fire(), AxisBeat.layout(cfg.hw().dataWidth()).getBool(frames.payload(), "last"));
    }
}
