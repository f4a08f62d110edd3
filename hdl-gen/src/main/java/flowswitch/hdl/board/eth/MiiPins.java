package flowswitch.hdl.board.eth;

import static flowswitch.hdl.dsl.Hw.*;

import spinal.core.Bits;
import spinal.core.Bool;

/**
 * The pins of one MII PHY (IEEE 802.3 clause 22: 4-bit nibbles at 25 MHz for 100 Mb/s), named
 * {@code <prefix>_rx_clk}, {@code _rx_dv}, {@code _rx_er}, {@code _rxd}, {@code _tx_clk}, {@code _tx_en},
 * {@code _txd}. Both clocks come from the PHY; CRS, COL and TX_ER are not used (full duplex only).
 */
public record MiiPins(Bool rxClk, Bool rxDv, Bool rxEr, Bits rxd, Bool txClk, Bool txEn, Bits txd) {
    public static final int DATA_WIDTH = 4;

    /** Declares the pins as ports of the component being built. */
    public static MiiPins declare(String prefix) {
        return new MiiPins(
                named(in(bool()), prefix + "_rx_clk"),
                named(in(bool()), prefix + "_rx_dv"),
                named(in(bool()), prefix + "_rx_er"),
                named(in(bits(DATA_WIDTH)), prefix + "_rxd"),
                named(in(bool()), prefix + "_tx_clk"),
                named(out(bool()), prefix + "_tx_en"),
                named(out(bits(DATA_WIDTH)), prefix + "_txd"));
    }

    /** Wires the pins to a port's PHY side (the port's MACs register them in the PHY's clock domains). */
    public void attach(EthPort port) {
        assign(port.phyRxValid, rxDv);
        assign(port.phyRxError, rxEr);
        assign(port.phyRxData, rxd);
        assign(txEn, port.phyTxValid);
        assign(txd, port.phyTxData);
    }
}
