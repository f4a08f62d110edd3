package flowswitch.hdl.board.xilinx;

import static flowswitch.hdl.dsl.Hw.*;

import spinal.core.BlackBox;
import spinal.core.Bool;

/**
 * A 7-series primitive instantiated by name (UG953, "Vivado Design Suite 7 Series FPGA Libraries Guide"). Vivado
 * and Yosys's synth_xilinx both know these cells; nothing here is simulated. Each subclass's factory closes the
 * instance with {@code library(...)} once its ports exist.
 */
abstract class XilinxPrimitive extends BlackBox {
    protected XilinxPrimitive(String name) {
        setDefinitionName(name, true);
    }

    protected static Bool input(String name) {
        return named(in(bool()), name);
    }

    protected static Bool output(String name) {
        return named(out(bool()), name);
    }
}
