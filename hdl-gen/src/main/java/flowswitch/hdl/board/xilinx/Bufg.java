package flowswitch.hdl.board.xilinx;

import static flowswitch.hdl.dsl.Hw.*;

import spinal.core.Bool;

/** A global clock buffer. */
public final class Bufg extends XilinxPrimitive {
    public final Bool I = input("I");
    public final Bool O = output("O");

    private Bufg() {
        super("BUFG");
    }

    /** {@code clock} on a global clock net. */
    public static Bool of(Bool clock) {
        Bufg buffer = new Bufg();
        library(buffer);
        assign(buffer.I, clock);
        return buffer.O;
    }
}
