package flowswitch.hdl.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Vivado flow of a 7-series board, run when {@code vivado} is on the PATH: the board's recipe
 * ({@code bitstreams/<board>/build.tcl}) synthesizes, places and routes the top with the board's XDC and writes
 * {@code summary.txt}, which this class reads: one {@code <resource> <used>} line per resource, one
 * {@code clock <name> <period_ns> <setup_wns_ns>} line per clock, and {@code bitstream <file>} when it wrote one.
 *
 * <p>Not run on the machines this project is developed on (Vivado cannot be installed there).
 */
final class VivadoFlow implements SynthFlow {
    static final String RECIPE = "build.tcl";
    static final String SUMMARY = "summary.txt";

    @Override
    public Map<String, String> toolVersions() {
        return Map.of("vivado", ToolRunner.firstLine(List.of("vivado", "-version")));
    }

    @Override
    public SynthResult run(SynthRequest request, ElaboratedTop top, ToolRunner runner) {
        Path out = request.outDir();
        Path recipe = request.board().recipeDirectory(request.repo()).resolve(RECIPE);
        if (!Files.isRegularFile(recipe)) throw new SynthException("the board's Vivado recipe is missing: " + recipe);
        ToolRunner.Step vivado = runner.runOrFail("vivado", List.of("vivado", "-mode", "batch", "-nojournal",
                "-log", out.resolve("vivado.log").toString(), "-source", recipe.toAbsolutePath().toString(), "-tclargs",
                top.verilog().toAbsolutePath().getParent().toString(), top.module(),
                request.board().constraintFile(request.repo()).toAbsolutePath().toString(),
                request.board().resources().part(), out.toAbsolutePath().toString()), out, out.resolve("vivado.out"));
        return read(request, top, out.resolve(SUMMARY), vivado);
    }

    static SynthResult read(SynthRequest request, ElaboratedTop top, Path summary, ToolRunner.Step step) {
        List<Utilization> utilization = new ArrayList<>();
        List<ClockTiming> timing = new ArrayList<>();
        Optional<Path> bitstream = Optional.empty();
        List<String> lines;
        try {
            lines = Files.readAllLines(summary);
        } catch (IOException e) {
            throw new UncheckedIOException("Vivado wrote no readable " + summary + ": " + e.getMessage(), e);
        }
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 4 && f[0].equals("clock")) {
                double period = Double.parseDouble(f[2]);
                double wns = Double.parseDouble(f[3]);
                timing.add(new ClockTiming(f[1], 1000 / period, 1000 / (period - wns)));
            } else if (f.length == 2 && f[0].equals("bitstream")) {
                bitstream = Optional.of(Path.of(f[1]));
            } else if (f.length == 2) {
                utilization.add(new Utilization(f[0], Double.parseDouble(f[1]),
                        request.board().resources().available(f[0])));
            } else if (!line.isBlank()) {
                throw new SynthException("cannot read line '" + line + "' of " + summary);
            }
        }
        Outcome outcome = timing.stream().allMatch(ClockTiming::met)
                ? (bitstream.isPresent() ? Outcome.BITSTREAM : Outcome.ESTIMATE) : Outcome.TIMING_NOT_MET;
        List<String> notes = new ArrayList<>();
        if (bitstream.isEmpty()) {
            notes.add("placed and routed out of context; the bitstream comes from the board project the core goes"
                    + " into (" + request.board().recipeDirectory(request.repo()).resolve("README.md") + ")");
        }
        return new SynthResult(outcome, top.module(), utilization, timing, Optional.empty(), bitstream, notes,
                List.of(step), request.outDir(), request.outDir().resolve(Manifest.FILE));
    }
}
