package flowswitch.hdl.board.ice40;

import static flowswitch.hdl.dsl.Hw.*;
import static flowswitch.hdl.dsl.HwComponent.build;

import flowswitch.hdl.board.Activity;
import flowswitch.hdl.board.BoardClocks;
import flowswitch.hdl.board.eth.EthPort;
import flowswitch.hdl.board.eth.MiiPins;
import flowswitch.hdl.dsl.HwComponent;
import flowswitch.hdl.stream.AxisBeat;
import java.util.ArrayList;
import java.util.List;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.ClockDomain;
import spinal.core.UInt;
import spinal.lib.BufferCC$;
import spinal.lib.Stream;

/**
 * What every iCE40-HX8K breakout board top has: the 12 MHz oscillator, a reset, the FTDI UART, eight LEDs, two MII
 * PHYs with their Ethernet ports, and the clocking around them. Subclasses put a core between the ports
 * ({@link Ice40Hx8k}: the switch; {@link Ice40Hx8kPhyTest}: a two-port repeater for bring-up). Pins are in
 * constraints/ice40-hx8k/ice40-hx8k.pcf.
 *
 * <p>LEDs: 0 heartbeat, 1/2 port 0 receive/transmit, 3/4 port 1 receive/transmit, 5 a bad frame received, 6 UART
 * activity, 7 in reset.
 */
public abstract class Ice40Hx8kBoard extends HwComponent {
    private static final int ACTIVITY_BITS = 19; // 2^19 clocks at 12 MHz: 44 ms, long enough to see
    private static final int POWER_ON_RESET_BITS = 4;

    final Bool clk = named(in(bool()), "clk_12mhz");
    final Bool rstN = named(in(bool()), "rst_n");
    final Bool uartRxd = named(in(bool()), "uart_rxd");
    final Bool uartTxd = named(out(bool()), "uart_txd");
    final Bits led = named(out(bits(Ice40Hx8kConfig.LEDS)), "led");
    final Bool phyRstN = named(out(bool()), "phy_rst_n");
    final List<MiiPins> mii = new ArrayList<>();
    final Bool coreReset;
    /** The switch's clock domain: the oscillator, reset at power-on and by rst_n. */
    final ClockDomain core;
    final List<EthPort> ports = new ArrayList<>();

    protected Ice40Hx8kBoard(Ice40Hx8kConfig cfg) {
        coreReset = BoardClocks.bootDomain(clk).apply(() -> {
            UInt powerOn = named(regUInt(POWER_ON_RESET_BITS, 0), "power_on_count");
            Bool released = BoardClocks.net("rst_n_sync", BufferCC$.MODULE$.apply(rstN, () -> FALSE(), 2));
            Bool starting = neq(powerOn, u((1L << POWER_ON_RESET_BITS) - 1, POWER_ON_RESET_BITS));
            when(starting, () -> assign(powerOn, add(powerOn, 1)));
            return named(regNext(or(starting, not(released)), TRUE()), "core_reset");
        });
        core = BoardClocks.domain(clk, coreReset);
        for (int i = 0; i < Ice40Hx8kConfig.PORTS; i++) {
            MiiPins pins = MiiPins.declare("mii" + i);
            mii.add(pins);
            ClockDomain rx = BoardClocks.resetFrom(pins.rxClk(), coreReset);
            ClockDomain tx = BoardClocks.resetFrom(pins.txClk(), coreReset);
            EthPort port = core.apply(() -> build(new EthPort(cfg.mac(), rx, tx)));
            named(port, "port" + i);
            pins.attach(port);
            ports.add(port);
        }
        core.apply(() -> {
            assign(phyRstN, regNext(not(coreReset), FALSE()));
            assign(bit(led, 0), Activity.heartbeat(24));
            Bool badFrame = FALSE();
            for (int i = 0; i < ports.size(); i++) {
                Stream<Bits> rx = ports.get(i).mAxis;
                Stream<Bits> tx = ports.get(i).sAxis;
                Bool rxEnd = and(rx.fire(), lastOf(cfg, rx));
                assign(bit(led, 1 + 2 * i), Activity.stretch(rxEnd, ACTIVITY_BITS, "rx" + i));
                assign(bit(led, 2 + 2 * i), Activity.stretch(and(tx.fire(), lastOf(cfg, tx)), ACTIVITY_BITS, "tx" + i));
                badFrame = or(badFrame, and(rxEnd, AxisBeat.layout(cfg.hw().dataWidth()).getBool(rx.payload(), "user")));
            }
            assign(bit(led, 5), Activity.stretch(badFrame, ACTIVITY_BITS, "bad_frame"));
            Bool uartLow = not(BufferCC$.MODULE$.apply(uartRxd, () -> TRUE(), 2));
            assign(bit(led, 6), Activity.stretch(uartLow, ACTIVITY_BITS, "uart"));
            assign(bit(led, 7), regNext(coreReset, TRUE()));
            return null;
        });
    }

    private static Bool lastOf(Ice40Hx8kConfig cfg, Stream<Bits> frames) {
        return AxisBeat.layout(cfg.hw().dataWidth()).getBool(frames.payload(), "last");
    }
}
