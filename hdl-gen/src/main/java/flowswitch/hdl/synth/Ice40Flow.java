package flowswitch.hdl.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The open iCE40 flow: Yosys {@code synth_ice40}, nextpnr-ice40 for the HX8K in the CT256 package with the board's
 * PCF and every clock constrained at its frequency, then icepack. nextpnr runs with {@code --timing-allow-fail} so
 * that a missed clock is measured and reported here rather than ending the run without numbers.
 */
final class Ice40Flow implements SynthFlow {
    private static final String DEVICE = "--hx8k";
    private static final String PACKAGE = "ct256";
    /** A fixed placer seed, so a build of the same sources gives the same bitstream and the same Fmax. */
    private static final String SEED = "1";

    @Override
    public Map<String, String> toolVersions() {
        return Map.of(
                "yosys", ToolRunner.firstLine(List.of("yosys", "-V")),
                "nextpnr-ice40", ToolRunner.firstLine(List.of("nextpnr-ice40", "--version")),
                // icepack has no version option; Debian's package version names the icestorm snapshot.
                "icepack", ToolRunner.output(List.of("dpkg-query", "-W", "-f=${Version}", "fpga-icestorm"))
                        .map(v -> "fpga-icestorm " + v).orElse("unknown (icepack has no version option)"));
    }

    @Override
    public SynthResult run(SynthRequest request, ElaboratedTop top, ToolRunner runner) {
        Path out = request.outDir();
        String name = top.module();
        Path netlist = out.resolve(name + ".json");
        Path asc = out.resolve(name + ".asc");
        Path bin = out.resolve(name + ".bin");
        Path report = out.resolve("nextpnr-report.json");
        Path clocks = writeClockScript(out.resolve("clocks.py"), top.clocks());
        Path pcf = request.board().constraintFile(request.repo());
        if (!Files.isRegularFile(pcf)) throw new SynthException("the board's PCF is missing: " + pcf);

        List<ToolRunner.Step> steps = new ArrayList<>();
        steps.add(runner.runOrFail("yosys", List.of("yosys", "-p", "read_verilog " + top.verilog().toAbsolutePath()
                + "; synth_ice40 -top " + name + " -json " + netlist.toAbsolutePath()), out, out.resolve("yosys.log")));
        ToolRunner.Step pnr = runner.run("nextpnr", List.of("nextpnr-ice40", DEVICE, "--package", PACKAGE,
                "--json", netlist.toString(), "--pcf", pcf.toAbsolutePath().toString(), "--pre-pack", clocks.toString(),
                "--asc", asc.toString(), "--report", report.toString(), "--seed", SEED, "--timing-allow-fail"),
                out, out.resolve("nextpnr.log"));
        steps.add(pnr);
        if (!pnr.succeeded()) {
            List<Utilization> logged = NextpnrReport.loggedUtilization(pnr.log());
            List<Utilization> over = logged.stream().filter(u -> !u.fits()).toList();
            if (over.isEmpty()) {
                throw new SynthException("nextpnr-ice40 failed (exit " + pnr.exitCode() + "); the end of " + pnr.log()
                        + ":\n" + ToolRunner.tail(pnr.log()));
            }
            return new SynthResult(Outcome.DOES_NOT_FIT, name, logged, List.of(),
                    Optional.of("the design does not fit the part, so it was not placed"), Optional.empty(),
                    List.of("needs more than the " + request.board().resources().part() + " has: " + over.stream()
                            .map(u -> String.format("%s %,.0f of %,d (%.0f%%)", u.resource(), u.used(), u.available(),
                                    u.percent())).collect(Collectors.joining(", "))),
                    steps, out, out.resolve(Manifest.FILE));
        }
        List<Utilization> utilization = NextpnrReport.utilization(report);
        List<ClockTiming> timing = NextpnrReport.timing(report, top.clocks());
        if (timing.stream().anyMatch(t -> !t.met())) {
            return new SynthResult(Outcome.TIMING_NOT_MET, name, utilization, timing, Optional.empty(), Optional.empty(),
                    List.of("no bitstream: a clock misses its target (see " + pnr.log() + ")"), steps, out,
                    out.resolve(Manifest.FILE));
        }
        steps.add(runner.runOrFail("icepack", List.of("icepack", asc.toString(), bin.toString()), out,
                out.resolve("icepack.log")));
        return new SynthResult(Outcome.BITSTREAM, name, utilization, timing, Optional.empty(), Optional.of(bin),
                List.of(), steps, out, out.resolve(Manifest.FILE));
    }

    /** nextpnr-ice40 0.4 takes per-clock frequencies from a Python script run before packing. */
    private static Path writeClockScript(Path file, List<ClockTarget> clocks) {
        StringBuilder script = new StringBuilder("# Written by flowswitch synth: one frequency target per clock pin.\n");
        for (ClockTarget c : clocks) script.append(String.format("ctx.addClock(\"%s\", %s)%n", c.port(), c.mhz()));
        try {
            Files.writeString(file, script);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}
