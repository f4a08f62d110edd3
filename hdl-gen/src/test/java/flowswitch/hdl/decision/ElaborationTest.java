package flowswitch.hdl.decision;

import static flowswitch.hdl.dsl.HwComponent.build;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.config.HardwareParams;
import flowswitch.hdl.gen.VerilogWriter;
import flowswitch.hdl.ingress.IngressPort;
import flowswitch.hdl.ingress.IngressPortConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The datapath blocks elaborate to Verilog for the sizes we ship. */
class ElaborationTest {
    static Stream<HardwareParams> sizes() {
        HardwareParams d = HardwareParams.defaults();
        return Stream.of(d, d.withPorts(2).withMaxServers(4).withMaxServices(1).withFlowTableSize(16).withMacTableSize(4),
                d.withDataWidth(256).withPorts(3));
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void decisionUnit(HardwareParams hw, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        VerilogWriter.write(dir, () -> build(new DecisionUnit(DecisionUnitConfig.forHardware(hw))));
        assertTrue(Files.readString(dir.resolve("DecisionUnit.v")).contains("module MacTable"));
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void ingressPort(HardwareParams hw, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        VerilogWriter.write(dir, () -> build(new IngressPort(IngressPortConfig.forHardware(hw))));
        assertTrue(Files.readString(dir.resolve("IngressPort.v")).contains("module HeaderParser"));
    }
}
