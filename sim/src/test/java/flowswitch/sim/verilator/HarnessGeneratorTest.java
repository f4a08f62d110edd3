package flowswitch.sim.verilator;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HarnessGeneratorTest {
    @Test
    void memberTypesFollowTheWidth() {
        String narrow = HarnessGenerator.generate(new TopLevel("FlowSwitch", 4, 64));
        assertTrue(narrow.contains("using Data = QData;"));
        assertTrue(narrow.contains("using Keep = CData;"));
        String wide = HarnessGenerator.generate(new TopLevel("FlowSwitch", 4, 256));
        assertTrue(wide.contains("using Data = VlWide<8>;"));
        assertTrue(wide.contains("using Keep = IData;"));
        assertEquals("SData", HarnessGenerator.verilatorType(16));
        assertEquals("VlWide<16>", HarnessGenerator.verilatorType(512));
    }

    @Test
    void everyPortIsBoundAndNothingIsLeftUnfilled() {
        String text = HarnessGenerator.generate(new TopLevel("FlowSwitch", 5, 64));
        assertTrue(text.contains("constexpr int kPorts = 5;"));
        for (int i = 0; i < 5; i++) {
            assertTrue(text.contains("in[" + i + "] = InPins{&dut.s_axis_" + i + "_tdata"), "input " + i);
            assertTrue(text.contains("out[" + i + "] = OutPins{&dut.m_axis_" + i + "_tdata"), "output " + i);
        }
        assertFalse(text.contains("in[5]"));
        assertFalse(text.contains("{{"), "unfilled placeholder");
    }

    @Test
    void unsupportedShapesAreRejectedWithTheRange() {
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> new TopLevel("FlowSwitch", 4, 100));
        assertTrue(width.getMessage().contains("multiple of 8"), width.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TopLevel("FlowSwitch", 4, 1024));
        assertThrows(IllegalArgumentException.class, () -> new TopLevel("FlowSwitch", 0, 64));
        assertThrows(IllegalArgumentException.class, () -> new TopLevel("Flow-Switch", 4, 64));
    }
}
