package flowswitch.hdl.board.ice40;

import static flowswitch.hdl.dsl.Hw.*;
import static flowswitch.hdl.dsl.HwComponent.build;

import flowswitch.hdl.board.SwitchPorts;
import flowswitch.hdl.top.FlowSwitch;

/**
 * The flow switch on the iCE40-HX8K breakout board: two MII ports, registers over the FTDI UART (the board has no
 * AXI4-Lite master, so that port is left idle).
 */
public final class Ice40Hx8k extends Ice40Hx8kBoard {
    final FlowSwitch flowSwitch;

    public Ice40Hx8k(Ice40Hx8kConfig cfg) {
        super(cfg);
        moduleName("Ice40Hx8k");
        flowSwitch = core.apply(() -> {
            FlowSwitch sw = build(new FlowSwitch(cfg.hw(), cfg.uart()));
            SwitchPorts pins = new SwitchPorts(sw, cfg.hw().dataWidth());
            pins.idleAxiLite();
            assign(pins.bool("uart_rxd"), uartRxd);
            assign(uartTxd, pins.bool("uart_txd"));
            for (int i = 0; i < Ice40Hx8kConfig.PORTS; i++) {
                connect(ports.get(i).mAxis, pins.ingress(i));
                connect(pins.egress(i), ports.get(i).sAxis);
            }
            return sw;
        });
    }
}
