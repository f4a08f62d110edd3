package flowswitch.sim.testbed;

import flowswitch.sim.cli.FlowSwitchCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The simulated switch of a testbed: {@code flowswitch sim run} with one {@code --tap} per host, run in the background
 * by the same Java as this process from a snapshot of its classpath, so it runs exactly the code that started it,
 * even after a rebuild.
 */
final class SwitchProcess {
    /** A first Verilator build of a new port count takes minutes on a small machine; a cached one, seconds. */
    static final Duration READY_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration NOTE_EVERY = Duration.ofSeconds(20);
    private static final int LOG_LINES_SHOWN = 15;

    private SwitchProcess() {
    }

    /** Starts the switch; its TAP devices appear (in this namespace) before its control socket does. */
    static void start(TestbedFiles files, TestbedLayout layout) {
        String classpath = ClasspathSnapshot.of(System.getProperty("java.class.path"), files.classes());
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, FlowSwitchCli.class.getName(), "sim", "run",
                "--config", files.config().toString(), "--control", files.socket().toString(),
                "--work", files.build().toString()));
        for (TestbedHost h : layout.hosts()) {
            argv.add("--tap");
            argv.add(h.port() + "=" + h.link());
        }
        files.sim().start(argv, files.simLog());
    }

    /**
     * Waits until the switch serves its socket.
     *
     * @throws TestbedException with the end of its log if it stops or takes longer than {@link #READY_TIMEOUT}
     */
    static void awaitReady(TestbedFiles files, Consumer<String> progress) {
        long[] nextNote = {System.nanoTime() + NOTE_EVERY.toNanos()};
        boolean ready = Wait.until(READY_TIMEOUT, POLL, () -> {
            if (Files.exists(files.socket())) return true;
            if (files.sim().exited()) {
                throw new TestbedException("the simulated switch stopped before it was ready; the end of "
                        + files.simLog() + ":\n" + tail(files.simLog()));
            }
            if (System.nanoTime() - nextNote[0] > 0) {
                progress.accept("  still starting: generating and compiling the model (see " + files.simLog() + ")");
                nextNote[0] = System.nanoTime() + NOTE_EVERY.toNanos();
            }
            return false;
        });
        if (!ready) {
            throw new TestbedException("the simulated switch was not ready within " + READY_TIMEOUT.toMinutes()
                    + " minutes; the end of " + files.simLog() + ":\n" + tail(files.simLog()));
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_SHOWN), lines.size()));
        } catch (IOException e) {
            return "(cannot read it: " + e.getMessage() + ")";
        }
    }
}
