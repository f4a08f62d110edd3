package flowswitch.hdl.board.xilinx;

import static flowswitch.hdl.dsl.Hw.*;

import spinal.core.Bool;

/** A double-data-rate output register in SAME_EDGE mode: D1 leaves after the rising edge, D2 after the falling edge. */
public final class Oddr extends XilinxPrimitive {
    public final Bool C = input("C");
    public final Bool CE = input("CE");
    public final Bool D1 = input("D1");
    public final Bool D2 = input("D2");
    public final Bool R = input("R");
    public final Bool S = input("S");
    public final Bool Q = output("Q");

    private Oddr() {
        super("ODDR");
        addGeneric("DDR_CLK_EDGE", "SAME_EDGE");
    }

    public static Bool of(Bool clock, Bool rising, Bool falling) {
        Oddr reg = new Oddr();
        library(reg);
        assign(reg.C, clock);
        assign(reg.CE, true);
        assign(reg.D1, rising);
        assign(reg.D2, falling);
        assign(reg.R, false);
        assign(reg.S, false);
        return reg.Q;
    }
}
