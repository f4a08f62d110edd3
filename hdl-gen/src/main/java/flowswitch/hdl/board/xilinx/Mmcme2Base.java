package flowswitch.hdl.board.xilinx;

import static flowswitch.hdl.dsl.Hw.*;

import spinal.core.Bool;

/**
 * A mixed-mode clock manager making two clocks of one frequency from the input, the second shifted by 90 degrees
 * (what an RGMII transmitter needs to put its clock edges in the middle of its data). The VCO runs at
 * {@code inputMhz * multiply}, which must be within 600..1200 MHz on a -1 part (DS182).
 */
public final class Mmcme2Base extends XilinxPrimitive {
    public final Bool CLKIN1 = input("CLKIN1");
    public final Bool CLKFBIN = input("CLKFBIN");
    public final Bool RST = input("RST");
    public final Bool PWRDWN = input("PWRDWN");
    public final Bool CLKFBOUT = output("CLKFBOUT");
    public final Bool CLKOUT0 = output("CLKOUT0");
    public final Bool CLKOUT1 = output("CLKOUT1");
    public final Bool LOCKED = output("LOCKED");

    private Mmcme2Base(double inputMhz, int multiply, int divide) {
        super("MMCME2_BASE");
        double vco = inputMhz * multiply;
        if (vco < 600 || vco > 1200) {
            throw new IllegalArgumentException("MMCM VCO at " + vco + " MHz is outside 600..1200 MHz; change the multiplier");
        }
        addGeneric("CLKIN1_PERIOD", 1000.0 / inputMhz);
        addGeneric("CLKFBOUT_MULT_F", (double) multiply);
        addGeneric("DIVCLK_DIVIDE", 1);
        addGeneric("CLKOUT0_DIVIDE_F", (double) divide);
        addGeneric("CLKOUT1_DIVIDE", divide);
        addGeneric("CLKOUT1_PHASE", 90.0);
    }

    /** {@code inputMhz * multiply / divide} MHz on CLKOUT0, and the same shifted by 90 degrees on CLKOUT1. */
    public static Mmcme2Base of(Bool clock, double inputMhz, int multiply, int divide) {
        Mmcme2Base mmcm = new Mmcme2Base(inputMhz, multiply, divide);
        library(mmcm);
        assign(mmcm.CLKIN1, clock);
        assign(mmcm.CLKFBIN, mmcm.CLKFBOUT);
        assign(mmcm.RST, false);
        assign(mmcm.PWRDWN, false);
        return mmcm;
    }
}
