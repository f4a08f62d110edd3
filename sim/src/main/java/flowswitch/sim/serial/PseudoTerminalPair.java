package flowswitch.sim.serial;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Two pseudo-terminals joined back to back by socat ({@code socat pty,raw,echo=0,link=A pty,raw,echo=0,link=B}):
 * what one end's user writes, the other end's user reads, like the two ends of a null-modem cable. The host end is a
 * symbolic link at a path of the caller's choosing; the device end lives in a private temporary directory.
 * Closing stops socat, which removes both links.
 */
public final class PseudoTerminalPair implements AutoCloseable {
    private static final long START_TIMEOUT_MILLIS = 5_000;

    private final Process socat;
    private final Path hostEnd;
    private final Path deviceEnd;
    // socat outlives the JVM unless stopped: this stops it if the JVM ends without close().
    private final Thread stopOnExit;

    private PseudoTerminalPair(Process socat, Path hostEnd, Path deviceEnd) {
        this.socat = socat;
        this.hostEnd = hostEnd;
        this.deviceEnd = deviceEnd;
        this.stopOnExit = new Thread(socat::destroy, "stop socat");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** Whether a {@code socat} executable is on the PATH. */
    public static boolean socatInstalled() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, "socat")).anyMatch(Files::isExecutable);
    }

    /**
     * Starts socat with its host end linked at {@code hostEnd}. A link left there by a socat that has gone is replaced.
     *
     * @throws IllegalStateException when socat is missing or fails, or {@code hostEnd} is in use
     */
    public static PseudoTerminalPair create(Path hostEnd) {
        if (!socatInstalled()) {
            throw new IllegalStateException("socat is not installed; it makes the pseudo-terminal pair (apt-get install"
                    + " socat)");
        }
        Path host = hostEnd.toAbsolutePath();
        clearStaleLink(host);
        Path dir;
        try {
            Files.createDirectories(host.getParent());
            dir = Files.createTempDirectory("flowswitch-pty");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the pseudo-terminal links: " + e.getMessage(), e);
        }
        Path device = dir.resolve("device");
        Process socat;
        try {
            socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + host, "pty,raw,echo=0,link=" + device)
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            deleteTree(dir);
            throw new IllegalStateException("cannot start socat: " + e.getMessage(), e);
        }
        PseudoTerminalPair pair = new PseudoTerminalPair(socat, host, device);
        pair.awaitLinks();
        return pair;
    }

    /** The end to give the host (fsctl's {@code --device serial:PATH}). */
    public Path hostEnd() {
        return hostEnd;
    }

    /** The end the simulated device uses. */
    public Path deviceEnd() {
        return deviceEnd;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is running or has run.
        }
        socat.destroy();
        try {
            if (!socat.waitFor(2, TimeUnit.SECONDS)) socat.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(deviceEnd.getParent());
        try {
            // socat removes its links when it ends; this covers one that was killed.
            if (Files.isSymbolicLink(hostEnd)) Files.delete(hostEnd);
        } catch (IOException e) {
            // Left behind it is replaced by the next create, as a stale link.
        }
    }

    private void awaitLinks() {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (!(Files.exists(hostEnd) && Files.exists(deviceEnd))) {
            if (!socat.isAlive() || System.currentTimeMillis() > deadline) {
                String output = socat.isAlive() ? "" : output();
                close();
                throw new IllegalStateException("socat did not make the pseudo-terminals " + hostEnd + " and "
                        + deviceEnd + (output.isBlank() ? "" : ": " + output.strip()));
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                close();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while socat was starting", e);
            }
        }
    }

    private String output() {
        try {
            return new String(socat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void clearStaleLink(Path link) {
        if (!Files.isSymbolicLink(link)) {
            if (Files.exists(link)) {
                throw new IllegalStateException(link + " exists and is not a pseudo-terminal link; choose another path");
            }
            return;
        }
        if (Files.exists(link)) {
            throw new IllegalStateException(link + " is a live pseudo-terminal (another simulator's?); stop it or"
                    + " choose another path");
        }
        try {
            Files.delete(link);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the stale link " + link + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory: the system cleans it up eventually.
        }
    }
}
