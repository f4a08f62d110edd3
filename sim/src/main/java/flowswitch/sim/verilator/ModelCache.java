package flowswitch.sim.verilator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Built models on disk, one directory per input hash: {@code <root>/models/<hash>/}. An entry appears only by
 * an atomic rename of a finished staging directory, so a reader never sees half a build, whichever JVM wrote it.
 * Builders of the same hash also take a per-hash lock so the second one waits and then finds the entry instead
 * of compiling it again (two cores are too few to compile twice).
 */
final class ModelCache {
    private static final ConcurrentHashMap<Path, Object> JVM_LOCKS = new ConcurrentHashMap<>();
    private final Path models;

    ModelCache(Path root) {
        this.models = root.resolve("models");
    }

    /** {@code $FLOWSWITCH_CACHE}, or {@code ~/.cache/flowswitch} when it is unset. */
    static Path defaultRoot() {
        String env = System.getenv("FLOWSWITCH_CACHE");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "flowswitch");
    }

    Optional<Path> find(String hash) {
        Path entry = models.resolve(hash);
        return Files.isRegularFile(entry.resolve(VerilatorCompiler.LIBRARY))
                && Files.isRegularFile(entry.resolve(BuiltModel.MANIFEST)) ? Optional.of(entry) : Optional.empty();
    }

    /** Runs {@code body} holding the lock of {@code hash} against other threads and other processes. */
    <T> T locked(String hash, Supplier<T> body) {
        Path lockFile = models.resolve(hash + ".lock");
        synchronized (JVM_LOCKS.computeIfAbsent(lockFile, k -> new Object())) {
            try {
                Files.createDirectories(models);
                try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    FileLock lock = channel.lock();
                    try {
                        return body.get();
                    } finally {
                        lock.release();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + lockFile, e);
            }
        }
    }

    /**
     * A fresh directory to build {@code hash} in. Call it holding the lock of {@code hash}: any other staging
     * directory of that hash is then the remains of a builder that died, and is removed.
     */
    Path newStagingDir(String hash) {
        String prefix = ".staging-" + hash + "-";
        try {
            Files.createDirectories(models);
            try (Stream<Path> stale = Files.list(models)) {
                stale.filter(p -> p.getFileName().toString().startsWith(prefix)).forEach(PathTrees::deleteIfExists);
            }
            return Files.createTempDirectory(models, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a build directory under " + models, e);
        }
    }

    /** Moves the finished staging directory into place and returns the entry. */
    Path publish(String hash, Path staging) {
        Path entry = models.resolve(hash);
        try {
            Files.move(staging, entry, StandardCopyOption.ATOMIC_MOVE);
            return entry;
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // Someone without the lock (an older runner, a manual copy) got there first: same inputs, same entry.
            return find(hash).orElseThrow(() -> new IllegalStateException(entry + " exists but is not a complete"
                    + " model; delete it and build again"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + staging + " to " + entry, e);
        }
    }

    /** Keeps a failed build's log where the next person can read it, replacing an older failure's. */
    Path keepFailedLog(String hash, Path log) {
        Path kept = models.resolve(hash + ".failed.log");
        try {
            Files.move(log, kept, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return kept;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the build log " + log + " to " + kept, e);
        }
    }
}
