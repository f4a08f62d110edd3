package flowswitch.hdl.control.axil;

import static flowswitch.hdl.dsl.Hw.eq;

import spinal.core.Bits;
import spinal.core.Bool;
import spinal.lib.bus.amba4.axilite.AxiLite4;
import spinal.lib.bus.amba4.axilite.AxiLite4Config;
import spinal.lib.bus.amba4.axilite.AxiLite4SpecRenamer$;

/**
 * The control plane's register bus: AXI4-Lite with 16-bit byte addresses and 32-bit data. Ports get the
 * verilog-ethernet spelling ({@code s_axil_awaddr}, {@code m_axil_rready}) from the field holding them.
 */
public final class AxiLite {
    public static final int ADDRESS_WIDTH = 16;
    public static final int DATA_WIDTH = 32;
    /** Write strobe with every byte lane enabled. */
    public static final int FULL_STROBE = 0xF;

    private AxiLite() {}

    public static AxiLite4Config config() {
        return new AxiLite4Config(ADDRESS_WIDTH, DATA_WIDTH, -1, -1, -1, -1);
    }

    /** An internal bus (no direction). */
    public static AxiLite4 bus() {
        return new AxiLite4(config());
    }

    /** A port driven by a master outside this component. */
    public static AxiLite4 slavePort() {
        return AxiLite4SpecRenamer$.MODULE$.apply(spinal.lib.slave$.MODULE$.apply(bus()));
    }

    /** A port this component drives as a master. */
    public static AxiLite4 masterPort() {
        return AxiLite4SpecRenamer$.MODULE$.apply(spinal.lib.master$.MODULE$.apply(bus()));
    }

    /** {@code resp == OKAY}. */
    public static Bool okay(Bits resp) {
        return eq(resp, 0);
    }
}
