package flowswitch.hdl.board.xilinx;

import static flowswitch.hdl.dsl.Hw.*;

import spinal.core.Bool;

/** A differential input buffer. */
public final class Ibufds extends XilinxPrimitive {
    public final Bool I = input("I");
    public final Bool IB = input("IB");
    public final Bool O = output("O");

    private Ibufds() {
        super("IBUFDS");
    }

    /** The single-ended signal of the pair {@code p}/{@code n}. */
    public static Bool of(Bool p, Bool n) {
        Ibufds buffer = new Ibufds();
        library(buffer);
        assign(buffer.I, p);
        assign(buffer.IB, n);
        return buffer.O;
    }
}
