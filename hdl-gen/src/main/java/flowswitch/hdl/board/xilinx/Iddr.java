package flowswitch.hdl.board.xilinx;

import static flowswitch.hdl.dsl.Hw.*;

import spinal.core.Bool;

/**
 * A double-data-rate input register in SAME_EDGE_PIPELINED mode: Q1 is the bit sampled at a rising edge, Q2 the bit
 * sampled at the falling edge after it, both presented at the next rising edge.
 */
public final class Iddr extends XilinxPrimitive {
    public final Bool C = input("C");
    public final Bool CE = input("CE");
    public final Bool D = input("D");
    public final Bool R = input("R");
    public final Bool S = input("S");
    public final Bool Q1 = output("Q1");
    public final Bool Q2 = output("Q2");

    private Iddr() {
        super("IDDR");
        addGeneric("DDR_CLK_EDGE", "SAME_EDGE_PIPELINED");
    }

    public static Iddr of(Bool clock, Bool pin) {
        Iddr reg = new Iddr();
        library(reg);
        assign(reg.C, clock);
        assign(reg.CE, true);
        assign(reg.D, pin);
        assign(reg.R, false);
        assign(reg.S, false);
        return reg;
    }
}
