package flowswitch.hdl.board.ice40;

import static flowswitch.hdl.dsl.Hw.*;

/**
 * A bring-up design for the same board and pins as {@link Ice40Hx8k}: a two-port repeater (every frame received on
 * one port leaves on the other, a bad one with its FCS spoiled) and the UART looped back (what the host sends comes
 * back). It checks the PHY wiring, the MACs and the UART cable with the constraint file the switch uses, and it
 * fits the part, which the switch itself does not yet (see README "Boards").
 */
public final class Ice40Hx8kPhyTest extends Ice40Hx8kBoard {

    public Ice40Hx8kPhyTest(Ice40Hx8kConfig cfg) {
        super(cfg);
        moduleName("Ice40Hx8kPhyTest");
        connect(ports.get(0).mAxis, ports.get(1).sAxis);
        connect(ports.get(1).mAxis, ports.get(0).sAxis);
        assign(uartTxd, uartRxd);
    }
}
