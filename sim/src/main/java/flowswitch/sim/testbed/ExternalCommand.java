package flowswitch.sim.testbed;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs a host tool (ip, sysctl, python3) to completion and gives back its exit status and output. */
public final class ExternalCommand {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** @param output stdout and stderr together, trimmed */
    public record Result(int exit, String output) {
        public boolean ok() {
            return exit == 0;
        }
    }

    private ExternalCommand() {
    }

    /** Runs {@code argv}; a non-zero exit is a result, not an error. */
    static Result tryRun(List<String> argv, Duration timeout) {
        String command = "`" + String.join(" ", argv) + "`";
        Path output = null;
        Process process = null;
        try {
            // Into a file rather than a pipe: a command that hangs cannot hold the reader past the timeout.
            output = Files.createTempFile("flowswitch-testbed", ".out");
            process = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TestbedException(command + " did not finish within " + timeout.toSeconds() + " s");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw new TestbedException("cannot run " + command + ": " + e.getMessage() + "; is " + argv.get(0)
                    + " installed?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestbedException("interrupted while running " + command, e);
        } finally {
            if (process != null && process.isAlive()) process.destroyForcibly();
            deleteQuietly(output);
        }
    }

    /**
     * Runs {@code argv} and returns its output.
     *
     * @throws TestbedException with the command and its output when it fails
     */
    static String run(String... argv) {
        Result r = tryRun(List.of(argv), TIMEOUT);
        if (!r.ok()) {
            throw new TestbedException("`" + String.join(" ", argv) + "` failed (exit " + r.exit() + ")"
                    + (r.output().isEmpty() ? "" : ": " + r.output()));
        }
        return r.output();
    }

    private static void deleteQuietly(Path file) {
        if (file == null) return;
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover empty temporary file is harmless; the command's result is what matters.
        }
    }

    /** Whether an executable called {@code name} is on the PATH. */
    public static boolean installed(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(":")).map(dir -> Path.of(dir, name)).anyMatch(Files::isExecutable);
    }
}
