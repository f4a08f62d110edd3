package flowswitch.hdl.board.cml;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.hdl.board.eth.EthPort;
import flowswitch.hdl.board.xilinx.Iddr;
import flowswitch.hdl.board.xilinx.Oddr;
import java.util.ArrayList;
import java.util.List;
import spinal.core.Bits;
import spinal.core.Bool;

/**
 * The pins of one RGMII PHY (RGMII v2.0: 4 bits on both edges of a 125 MHz clock for 1000 Mb/s), named
 * {@code <prefix>_rxc}, {@code _rx_ctl}, {@code _rxd}, {@code _txc}, {@code _tx_ctl}, {@code _txd}, and the 7-series
 * DDR registers that turn them into GMII (a byte per clock each way). The control line carries the data-valid bit
 * on the rising edge and valid XOR error on the falling edge. 1000 Mb/s only: the 10/100 modes clock RGMII
 * differently and are not supported.
 */
public record RgmiiPins(Bool rxc, Bool rxCtl, Bits rxd, Bool txc, Bool txCtl, Bits txd) {
    public static final int GMII_WIDTH = 8;
    private static final int WIRES = 4;

    public static RgmiiPins declare(String prefix) {
        return new RgmiiPins(
                named(in(bool()), prefix + "_rxc"),
                named(in(bool()), prefix + "_rx_ctl"),
                named(in(bits(WIRES)), prefix + "_rxd"),
                named(out(bool()), prefix + "_txc"),
                named(out(bool()), prefix + "_tx_ctl"),
                named(out(bits(WIRES)), prefix + "_txd"));
    }

    /**
     * Wires the port's PHY side through DDR registers: receive on {@code rxClock} (the PHY's clock, through a global
     * buffer; the PHY delays it into the middle of the data), transmit on {@code txClock}, with the transmit clock
     * pin driven from {@code txClock90} so its edges fall in the middle of the data.
     */
    public void attach(EthPort port, Bool rxClock, Bool txClock, Bool txClock90) {
        Iddr ctl = Iddr.of(rxClock, rxCtl);
        assign(port.phyRxValid, ctl.Q1);
        assign(port.phyRxError, xor(ctl.Q1, ctl.Q2));
        List<Bool> low = new ArrayList<>();
        List<Bool> high = new ArrayList<>();
        for (int i = 0; i < WIRES; i++) {
            Iddr d = Iddr.of(rxClock, bit(rxd, i));
            low.add(d.Q1);
            high.add(d.Q2);
        }
        for (int i = 0; i < WIRES; i++) {
            assign(bit(port.phyRxData, i), low.get(i));
            assign(bit(port.phyRxData, WIRES + i), high.get(i));
            assign(bit(txd, i), Oddr.of(txClock, bit(port.phyTxData, i), bit(port.phyTxData, WIRES + i)));
        }
        assign(txCtl, Oddr.of(txClock, port.phyTxValid, port.phyTxValid));
        assign(txc, Oddr.of(txClock90, TRUE(), FALSE()));
    }

    private static Bool xor(Bool a, Bool b) {
        return a.$up(b);
    }
}
