package flowswitch.hdl.gen;

import static org.junit.jupiter.api.Assertions.*;

import flowswitch.config.HardwareParams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The generated Verilog passes Verilator's lint with every warning on (waivers listed with reasons) and Yosys. */
class GeneratedVerilogTest {

    @ParameterizedTest
    @ValueSource(ints = {64, 256})
    void passesVerilatorLintWall(int dataWidth, @TempDir Path dir) throws Exception {
        GeneratedDesign d = Generator.generate(HardwareParams.defaults().withDataWidth(dataWidth), dir);
        Result r = run(dir, List.of("verilator", "--lint-only", "-Wall", "--top-module", d.topName(),
                d.lintWaivers().toString(), d.verilog().toString()), 300);
        assertEquals(0, r.exit, "verilator --lint-only -Wall:\n" + r.output);
    }

    @Test
    void synthesizesWithYosys(@TempDir Path dir) throws Exception {
        HardwareParams small = HardwareParams.defaults().withPorts(2).withMaxServers(4).withMaxServices(1)
                .withFlowTableSize(16).withMacTableSize(4).withMaxFrameBytes(512);
        GeneratedDesign d = Generator.generate(small, dir);
        Result r = run(dir, List.of("yosys", "-q", "-p", "read_verilog " + d.verilog() + "; synth -top " + d.topName()
                + "; stat"), 600);
        assertEquals(0, r.exit, "yosys synth:\n" + r.output);
    }

    @Test
    void writesRegisterMapFilesNextToTheVerilog(@TempDir Path dir) throws Exception {
        GeneratedDesign d = Generator.generate(HardwareParams.defaults(), dir);
        assertTrue(Files.readString(d.registerMapJson()).contains("\"name\" : \"ID\"")
                || Files.readString(d.registerMapJson()).contains("\"name\":\"ID\""));
        assertTrue(Files.readString(d.cHeader()).contains("FS_ID"));
        assertTrue(Files.readString(d.registerMapMarkdown()).contains("BUILD"));
        String v = Files.readString(d.verilog());
        for (String pin : List.of("clk", "rst", "s_axis_0_tdata", "s_axis_3_tready", "m_axis_3_tkeep",
                "s_axil_awaddr", "s_axil_rdata", "uart_rxd", "uart_txd")) {
            assertTrue(v.matches("(?s).*module FlowSwitch \\(.*\\b" + pin + "\\b.*"), "top has pin " + pin);
        }
    }

    private record Result(int exit, String output) {}

    private static Result run(Path dir, List<String> cmd, int timeoutSeconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(cmd)).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(cmd.get(0) + " did not finish in " + timeoutSeconds + " s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
