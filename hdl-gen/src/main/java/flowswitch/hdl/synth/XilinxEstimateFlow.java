package flowswitch.hdl.synth;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The open estimate for a 7-series board when Vivado is not installed: Yosys {@code synth_xilinx -family xc7}, its
 * cell counts against the part. There is no open place and route for 7-series parts here, so no timing and no
 * bitstream; the result says so.
 */
final class XilinxEstimateFlow implements SynthFlow {
    static final String NO_TIMING = "Yosys synthesizes 7-series logic but cannot place, route or time it; Vivado does";

    @Override
    public Map<String, String> toolVersions() {
        return Map.of("yosys", ToolRunner.firstLine(List.of("yosys", "-V")));
    }

    @Override
    public SynthResult run(SynthRequest request, ElaboratedTop top, ToolRunner runner) {
        Path out = request.outDir();
        Path stat = out.resolve("yosys-stat.json");
        ToolRunner.Step synth = runner.runOrFail("yosys", List.of("yosys", "-p", "read_verilog "
                + top.verilog().toAbsolutePath() + "; synth_xilinx -family xc7 -flatten -top " + top.module()
                + "; tee -q -o " + stat.toAbsolutePath() + " stat -json"), out, out.resolve("yosys.log"));
        List<Utilization> utilization = XilinxCellCount.utilization(XilinxCellCount.cells(stat),
                request.board().resources());
        boolean fits = utilization.stream().allMatch(Utilization::fits);
        String vivado = "vivado is not on PATH: these are Yosys synthesis counts; the bitstream and the timing need"
                + " Vivado (" + request.board().recipeDirectory(request.repo()).resolve("README.md") + ")";
        return new SynthResult(fits ? Outcome.ESTIMATE : Outcome.DOES_NOT_FIT, top.module(), utilization, List.of(),
                Optional.of(NO_TIMING), Optional.empty(), List.of(vivado), List.of(synth), out,
                out.resolve(Manifest.FILE));
    }
}
