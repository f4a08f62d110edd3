package flowswitch.hdl.board.eth;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.hdl.board.BoardClocks;
import flowswitch.hdl.dsl.HwComponent;
import flowswitch.hdl.stream.AxisBeat;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.ClockDomain;
import spinal.lib.Stream;

/**
 * An {@link EthPort} with each of its three clock domains on its own clock and reset pins, so a test can run the
 * switch side and the PHY sides at different frequencies and drive the PHY signals itself.
 */
final class EthPortHarness extends HwComponent {
    final Bool rxClk = in(bool());
    final Bool rxReset = in(bool());
    final Bool txClk = in(bool());
    final Bool txReset = in(bool());
    final Bool phyRxValid = in(bool());
    final Bits phyRxData;
    final Bool phyRxError = in(bool());
    final Bool phyTxValid = out(bool());
    final Bits phyTxData;
    final Stream<Bits> mAxis;
    final Stream<Bits> sAxis;
    final ClockDomain rxDomain;
    final ClockDomain txDomain;
    final EthPort port;

    EthPortHarness(EthMacConfig cfg) {
        phyRxData = in(bits(cfg.phyWidth()));
        phyTxData = out(bits(cfg.phyWidth()));
        mAxis = master(stream(() -> AxisBeat.layout(cfg.dataWidth()).newBits()));
        sAxis = slave(stream(() -> AxisBeat.layout(cfg.dataWidth()).newBits()));
        rxDomain = BoardClocks.domain(rxClk, rxReset);
        txDomain = BoardClocks.domain(txClk, txReset);
        port = build(new EthPort(cfg, rxDomain, txDomain));
        assign(port.phyRxValid, phyRxValid);
        assign(port.phyRxData, phyRxData);
        assign(port.phyRxError, phyRxError);
        assign(phyTxValid, port.phyTxValid);
        assign(phyTxData, port.phyTxData);
        connect(port.mAxis, mAxis);
        connect(sAxis, port.sAxis);
    }
}
