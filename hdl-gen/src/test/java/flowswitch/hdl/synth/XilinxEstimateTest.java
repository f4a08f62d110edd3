package flowswitch.hdl.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import flowswitch.config.HardwareParams;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The open 7-series estimate of the NetFPGA-1G-CML top (the whole board top: RGMII registers, MMCM, four MACs, the
 * switch), on the smallest hardware parameters so that it runs in the default suite; the full-size numbers come from
 * {@link BoardEstimatesBench}. Runs the estimate flow itself, so it also runs where Vivado is installed.
 */
class XilinxEstimateTest {
    private static final HardwareParams SMALL = new HardwareParams(64, 4, 2, 1, 16, 4, 256);

    private static SynthResult result;
    private static String progress;

    @BeforeAll
    static void estimate() {
        Path repo = Checkout.locate(Path.of(""));
        SynthRequest request = new SynthRequest(Board.NETFPGA_1G_CML, BoardDesign.SWITCH, SMALL, repo,
                Path.of("target/synth/netfpga-1g-cml-small"));
        StringWriter log = new StringWriter();
        PrintWriter out = new PrintWriter(log, true);
        ElaboratedTop top = BoardTops.generate(request.board(), request.design(), SMALL, request.outDir().resolve("rtl"));
        result = new XilinxEstimateFlow().run(request, top, new ToolRunner(out));
        progress = log.toString();
        System.out.println(progress);
    }

    @Test
    void countsLutsFlipFlopsBlockRamAndDspAgainstThePart() {
        assertEquals(Outcome.ESTIMATE, result.outcome(), progress);
        Map<String, Utilization> use = result.utilization().stream()
                .collect(Collectors.toMap(Utilization::resource, Function.identity()));
        assertEquals(List.of(PartResources.LUT, PartResources.FF, PartResources.BRAM36, PartResources.DSP),
                result.utilization().stream().map(Utilization::resource).toList());
        assertEquals(203_800, use.get(PartResources.LUT).available());
        assertEquals(445, use.get(PartResources.BRAM36).available());
        // Four MACs and a switch are thousands of LUTs and flip-flops (with 256-byte frames their FIFOs are small
        // enough for distributed RAM, which counts as LUTs).
        assertTrue(use.get(PartResources.LUT).used() > 2_000, use.toString());
        assertTrue(use.get(PartResources.FF).used() > 2_000, use.toString());
        assertTrue(result.utilization().stream().allMatch(Utilization::fits), use.toString());
        assertTrue(result.noTimingReason().isPresent() && result.timing().isEmpty());
        assertTrue(result.notes().stream().anyMatch(n -> n.contains("Vivado")), result.notes().toString());
    }

    @Test
    void countsMatchYosysStatistics() throws Exception {
        JsonNode cells = new ObjectMapper().readTree(result.outDir().resolve("yosys-stat.json").toFile())
                .path("design").path("num_cells_by_type");
        double luts = 0;
        for (String lut : List.of("LUT1", "LUT2", "LUT3", "LUT4", "LUT5", "LUT6")) luts += cells.path(lut).asLong();
        double bram = cells.path("RAMB36E1").asLong() + cells.path("RAMB18E1").asLong() / 2.0;
        Map<String, Utilization> use = result.utilization().stream()
                .collect(Collectors.toMap(Utilization::resource, Function.identity()));
        assertTrue(use.get(PartResources.LUT).used() >= luts, "LUTs count at least every LUT cell: " + luts);
        assertEquals(bram, use.get(PartResources.BRAM36).used(), 1e-9);
        assertEquals(cells.path("FDRE").asLong() + cells.path("FDSE").asLong() + cells.path("FDCE").asLong()
                + cells.path("FDPE").asLong(), use.get(PartResources.FF).used(), 1e-9);
        assertEquals(cells.path("DSP48E1").asLong(), use.get(PartResources.DSP).used(), 1e-9);
    }
}
