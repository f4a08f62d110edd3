package flowswitch.sim.testbed;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A process the testbed keeps running in the background: started in a session of its own (so a terminal's signals
 * do not reach it and it outlives the command that started it), remembered by a pid file, and recognised by one
 * of its arguments ({@code marker}), so that a pid the system has since given to another process is never
 * signalled.
 *
 * @param what    what it is, for messages
 * @param pidFile where its pid is kept
 * @param marker  one argument of its command line, exactly (a path unique to this testbed)
 */
public record Daemon(String what, Path pidFile, String marker) {
    static final Duration STOP_GRACE = Duration.ofSeconds(15);

    /**
     * Starts {@code argv} with stdout and stderr going to {@code log}.
     *
     * @throws TestbedException if it cannot be started
     */
    long start(List<String> argv, Path log) {
        if (!argv.contains(marker)) {
            throw new IllegalArgumentException(what + ": the command line must have the argument '" + marker + "'");
        }
        List<String> command = new ArrayList<>(List.of("setsid"));
        command.addAll(argv);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            Files.writeString(pidFile, process.pid() + "\n");
        } catch (IOException e) {
            throw new TestbedException("cannot start " + what + " (`" + String.join(" ", command) + "`): "
                    + e.getMessage(), e);
        }
        return process.pid();
    }

    /**
     * True once the process this testbed just started is gone. Unlike {@link #running}, it does not look for the
     * marker: in the first moments after the start the pid still runs Java's spawn helper or {@code setsid}, whose
     * arguments are not yet the command's, and a start in progress must not read as a process that stopped.
     */
    boolean exited() {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (IOException | NumberFormatException e) {
            return true;
        }
    }

    /** The process, if the pid file names a live process with the marker among its arguments. */
    public Optional<ProcessHandle> running() {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> arguments(pid).contains(marker));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Stops the process (SIGTERM, then SIGKILL after {@link #STOP_GRACE}) and removes the pid file.
     *
     * @return whether a process was running
     */
    boolean stop() {
        Optional<ProcessHandle> process = running();
        process.ifPresent(Daemon::terminate);
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new TestbedException("cannot remove " + pidFile + ": " + e.getMessage(), e);
        }
        return process.isPresent();
    }

    /** SIGTERM, a grace period, then SIGKILL: a process that cleans up on SIGTERM (sim run does) gets to. */
    static void terminate(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            process.onExit().join();
        } catch (ExecutionException e) {
            throw new TestbedException("waiting for process " + process.pid() + " to end failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static List<String> arguments(long pid) {
        try {
            return List.of(new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8).split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }
}
