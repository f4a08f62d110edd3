package flowswitch.hdl.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 7-series resource use from the cell counts Yosys's {@code synth_xilinx} leaves ({@code stat -json}), counted the
 * way Vivado's utilization report does: LUTs include LUTs used as distributed RAM and shift registers (and Yosys's
 * inverter cells, which become LUT1s), flip-flops
 * are every FD* register, a RAMB18 is half a 36 kbit block RAM. These are synthesis counts: Vivado's own synthesis
 * and placement usually come out somewhat lower, never at zero cost.
 */
public final class XilinxCellCount {
    /** LUTs taken by each LUT-based cell (UG474: a RAM32M or RAM64M takes the four LUTs of a SLICEM). */
    private static final Map<String, Integer> LUT_CELLS = Map.ofEntries(
            Map.entry("INV", 1), Map.entry("LUT1", 1), Map.entry("LUT2", 1), Map.entry("LUT3", 1), Map.entry("LUT4", 1),
            Map.entry("LUT5", 1), Map.entry("LUT6", 1), Map.entry("LUT6_2", 1),
            Map.entry("RAM32M", 4), Map.entry("RAM64M", 4), Map.entry("RAM32X1D", 2), Map.entry("RAM64X1D", 2),
            Map.entry("RAM128X1D", 4), Map.entry("RAM32X1S", 1), Map.entry("RAM64X1S", 1), Map.entry("RAM128X1S", 2),
            Map.entry("RAM256X1S", 4), Map.entry("SRL16E", 1), Map.entry("SRLC32E", 1));
    private static final List<String> FF_CELLS = List.of("FDRE", "FDSE", "FDCE", "FDPE", "LDCE", "LDPE");

    private XilinxCellCount() {}

    /** Cells by type for the whole design in a {@code stat -json} file. */
    public static Map<String, Long> cells(Path statJson) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(statJson.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Yosys statistics " + statJson + ": " + e.getMessage(), e);
        }
        JsonNode byType = root.path("design").path("num_cells_by_type");
        if (byType.isMissingNode()) {
            // A flattened design has one module and no "design" summary.
            var modules = root.path("modules").elements();
            if (!modules.hasNext()) throw new SynthException(statJson + " has no module statistics");
            byType = modules.next().path("num_cells_by_type");
        }
        Map<String, Long> cells = new LinkedHashMap<>();
        byType.fields().forEachRemaining(e -> cells.put(e.getKey(), e.getValue().asLong()));
        return cells;
    }

    /** LUT, FF, BRAM36 and DSP use against {@code part}. */
    public static List<Utilization> utilization(Map<String, Long> cells, PartResources part) {
        double luts = 0;
        double ffs = 0;
        for (Map.Entry<String, Long> c : cells.entrySet()) {
            luts += LUT_CELLS.getOrDefault(c.getKey(), 0) * c.getValue();
            if (FF_CELLS.contains(c.getKey())) ffs += c.getValue();
        }
        double bram = cells.getOrDefault("RAMB36E1", 0L) + cells.getOrDefault("RAMB18E1", 0L) / 2.0;
        double dsp = cells.getOrDefault("DSP48E1", 0L);
        return List.of(
                new Utilization(PartResources.LUT, luts, part.available(PartResources.LUT)),
                new Utilization(PartResources.FF, ffs, part.available(PartResources.FF)),
                new Utilization(PartResources.BRAM36, bram, part.available(PartResources.BRAM36)),
                new Utilization(PartResources.DSP, dsp, part.available(PartResources.DSP)));
    }
}
