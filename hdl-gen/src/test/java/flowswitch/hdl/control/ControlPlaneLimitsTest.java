package flowswitch.hdl.control;

import static flowswitch.hdl.dsl.HwComponent.build;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.config.HardwareParams;
import flowswitch.hdl.control.regs.RegisterDef;
import flowswitch.hdl.control.regs.RegisterMap;
import flowswitch.hdl.gen.VerilogWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The control plane generates at both ends of HardwareParams' ranges (one service slot; 16 ports and 256 servers). */
class ControlPlaneLimitsTest {
    /** Registers that do not depend on the counters. */
    // 19 of the flow table, 4 of the Maglev tables, 9 of the router table, 2 of passive health.
    private static final int FIXED_REGISTERS = 32 + 19 + 4 + 9 + 2;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void generatesAtTheLimitsWithEveryRegisterInTheAddressSpace(boolean largest, @TempDir Path dir) {
        HardwareParams hw = largest ? new HardwareParams(256, 16, 256, 16, 1024, 1024, 16384)
                : new HardwareParams(64, 2, 2, 1, 16, 4, 64);
        ControlPlaneConfig config = ControlPlaneConfig.forHardware(hw);
        RegisterMap map = VerilogWriter.write(dir, () -> build(new ControlPlane(config))).toplevel().registerMap();
        // Each server slot has its connections register beside its counters; 32 server slots share a suspect word.
        int suspectWords = (hw.maxServers() + 31) / 32;
        assertEquals(FIXED_REGISTERS + suspectWords + hw.maxServers() + 2 * config.counters().size(),
                map.registers().size());
        assertTrue(map.registers().stream().mapToInt(RegisterDef::address).max().orElseThrow() <= RegisterMap.MAX_ADDRESS);
        assertEquals(hw.maxServices() == 1 ? 1 : 4, map.register("SVC_INDEX").field("value").width());
    }
}
