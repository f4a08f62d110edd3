package flowswitch.hdl.synth;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code flowswitch synth}: elaborates the board top, runs the board's flow (open iCE40 flow; Vivado for the
 * NetFPGA boards when it is on the PATH, else the open estimate) and writes {@code manifest.json} beside the outputs,
 * whatever the outcome.
 */
public final class Synthesizer {
    private static final String RTL = "rtl";
    private final PrintWriter progress;

    public Synthesizer(PrintWriter progress) {
        this.progress = progress;
    }

    /**
     * @throws IllegalArgumentException when the board cannot take the request's hardware or design
     * @throws SynthException           when a tool is missing or fails for a reason other than the design's
     */
    public SynthResult synthesize(SynthRequest request) {
        SynthFlow flow = flowFor(request.board());
        Path out = request.outDir();
        clean(out);
        progress.printf("%s: %s, design %s, hardware %s%n", request.board().id(), request.board().description(),
                request.design().id(), request.hw().canonicalText());
        progress.printf("  %-12s elaborating the board top into %s%n", "spinalhdl", out.resolve(RTL));
        ElaboratedTop top = BoardTops.generate(request.board(), request.design(), request.hw(), out.resolve(RTL));
        SynthResult result = flow.run(request, top, new ToolRunner(progress));
        Map<String, String> tools = new LinkedHashMap<>(flow.toolVersions());
        tools.put("spinalhdl", spinal.core.Spinal$.MODULE$.version());
        Manifest.of(request, result, tools, BuildProvenance.of(request.repo())).write(result.manifest());
        return result;
    }

    /** The flow the board needs with the tools on this machine. */
    static SynthFlow flowFor(Board board) {
        return switch (board.family()) {
            case ICE40 -> new Ice40Flow();
            case XILINX_7 -> ToolRunner.onPath("vivado") ? new VivadoFlow() : new XilinxEstimateFlow();
        };
    }

    /**
     * Outputs of an earlier build would pass for this one's: start from an empty directory. Only a directory that
     * holds an earlier build (its manifest, or the rtl/ every build starts with) is emptied; anything else must be
     * empty already.
     */
    private static void clean(Path out) {
        try {
            boolean earlierBuild = Files.exists(out.resolve(Manifest.FILE)) || Files.isDirectory(out.resolve(RTL));
            if (Files.isDirectory(out) && !earlierBuild) {
                try (var entries = Files.list(out)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException("output directory " + out + " is not empty and holds no"
                                + " earlier build (" + Manifest.FILE + "); give an empty or new directory");
                    }
                }
            }
            if (Files.exists(out)) {
                try (var files = Files.walk(out)) {
                    files.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(out)).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare output directory " + out + ": " + e.getMessage(), e);
        }
    }
}
