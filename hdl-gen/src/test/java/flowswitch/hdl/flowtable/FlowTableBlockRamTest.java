package flowswitch.hdl.flowtable;

import static flowswitch.hdl.dsl.HwComponent.build;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.config.HardwareParams;
import flowswitch.hdl.gen.VerilogWriter;
import flowswitch.hdl.synth.PartResources;
import flowswitch.hdl.synth.Utilization;
import flowswitch.hdl.synth.XilinxCellCount;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 64K-connection table synthesized for 7-series parts by Yosys: the ways must become block RAM (RAMB36/RAMB18)
 * holding their bits with little waste, and the logic around them (hashes, stash, engine) must stay a small share of
 * the SUME's part.
 */
class FlowTableBlockRamTest {
    @Test
    void a64kTableMapsToBlockRamWithSmallLogic(@TempDir Path dir) throws Exception {
        FlowTableConfig cfg = FlowTableConfig.forHardware(HardwareParams.defaults().withFlowTableSize(65536));
        VerilogWriter.write(dir, () -> build(new FlowTable(cfg)));
        Path stat = dir.resolve("stat.json");
        Process yosys = new ProcessBuilder("yosys", "-q", "-p", "read_verilog FlowTable.v; synth_xilinx -family xc7"
                + " -flatten -top FlowTable; tee -q -o " + stat + " stat -json")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String log = new String(yosys.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(yosys.waitFor(900, TimeUnit.SECONDS), "yosys did not finish in 15 minutes");
        assertEquals(0, yosys.exitValue(), "yosys synth_xilinx:\n" + log);

        Map<String, Long> cells = XilinxCellCount.cells(stat);
        List<Utilization> use = XilinxCellCount.utilization(cells, PartResources.xc7vx690t());
        double bram = use(use, PartResources.BRAM36);
        double tableBits = (double) cfg.entries() * cfg.entryLayout().width();
        double ideal = tableBits / (36 * 1024);
        System.out.printf("64K-entry flow table (%d-bit entries): %.1f BRAM36 (ideal %.1f), %.0f LUT, %.0f FF%n",
                cfg.entryLayout().width(), bram, ideal, use(use, PartResources.LUT), use(use, PartResources.FF));
        assertTrue(bram >= ideal, "the table is in block RAM: " + cells);
        assertTrue(bram <= 1.5 * ideal, "block RAM holds the table with little waste: " + bram + " vs " + ideal);
        assertTrue(use(use, PartResources.LUT) < 16_000, "logic around the RAMs (15,479 LUTs with four-entry rows, 3.6% of the SUME part): " + cells);
        assertTrue(!cells.containsKey("RAM64M") && !cells.containsKey("RAM32M"), "no table bits in LUT RAM: " + cells);
    }

    private static double use(List<Utilization> use, String resource) {
        return use.stream().filter(u -> u.resource().equals(resource)).findFirst().orElseThrow().used();
    }
}
