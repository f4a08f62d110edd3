package flowswitch.hdl.synth;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the external tools of a flow: each step's output goes to its own log file, and while a step runs a line every
 * {@link #TICK} says it still is (synthesis and place-and-route take minutes).
 */
public final class ToolRunner {
    static final Duration TICK = Duration.ofSeconds(15);
    private static final int LOG_TAIL_LINES = 15;

    private final PrintWriter progress;

    public ToolRunner(PrintWriter progress) {
        this.progress = progress;
    }

    /** A finished step. */
    public record Step(String name, int exitCode, Duration elapsed, Path log) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    /**
     * Runs {@code command} in {@code directory}, its output into {@code log}.
     *
     * @throws SynthException when the tool cannot be started; a non-zero exit is returned, not thrown, since a flow
     *                        may still read what the tool reported (a design that does not fit, say)
     */
    public Step run(String name, List<String> command, Path directory, Path log) {
        progress.printf("  %-12s %s%n", name, String.join(" ", command));
        long start = System.nanoTime();
        Process process;
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new SynthException("cannot run " + command.get(0) + ": " + e.getMessage()
                    + " (is it installed? scripts/setup.sh installs the open tools)", e);
        }
        try {
            while (!process.waitFor(TICK.toMillis(), TimeUnit.MILLISECONDS)) {
                progress.printf("  %-12s still running (%d s)%n", name, elapsed(start).toSeconds());
            }
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new SynthException(name + " was interrupted", e);
        }
        Step step = new Step(name, process.exitValue(), elapsed(start), log);
        progress.printf("  %-12s %s in %d s (log: %s)%n", name, step.succeeded() ? "done" : "FAILED (exit " + step.exitCode() + ")",
                step.elapsed().toSeconds(), log);
        return step;
    }

    /** Runs a step that must succeed. @throws SynthException with the end of its log when it does not */
    public Step runOrFail(String name, List<String> command, Path directory, Path log) {
        Step step = run(name, command, directory, log);
        if (!step.succeeded()) throw new SynthException(name + " failed (exit " + step.exitCode() + "); the end of "
                + log + ":\n" + tail(log));
        return step;
    }

    /** The first line a command prints (tools print their version this way), or {@code unknown}. */
    public static String firstLine(List<String> command) {
        return output(command).flatMap(out -> out.lines().findFirst()).orElse("unknown");
    }

    /** What a quick command prints (output and errors, trimmed) when it exits 0; empty when it fails or is missing. */
    public static Optional<String> output(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(30, TimeUnit.SECONDS);
            return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Whether {@code tool} is an executable on the PATH. */
    public static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
