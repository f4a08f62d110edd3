package flowswitch.sim.verilator;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * A compiled model in the cache. {@code compileTime} is how long the compiler ran when the entry was built,
 * also when this result came from the cache ({@code fromCache}).
 */
public record BuiltModel(Path directory, String hash, TopLevel top, TraceFormat trace, Duration compileTime,
                         boolean fromCache) {
    static final String MANIFEST = "model.properties";

    public Path library() {
        return directory.resolve(VerilatorCompiler.LIBRARY);
    }

    /** The compiler's output for this entry. */
    public Path buildLog() {
        return directory.resolve(VerilatorCompiler.LOG);
    }

    /** Loads the library (once per JVM and path) and creates a fresh model instance, not yet reset. */
    public VerilatedModel open() {
        return VerilatedModel.open(this);
    }

    void writeManifest(String toolVersion) {
        Properties p = new Properties();
        p.setProperty("top", top.name());
        p.setProperty("ports", Integer.toString(top.ports()));
        p.setProperty("dataWidth", Integer.toString(top.dataWidth()));
        p.setProperty("trace", trace.name());
        p.setProperty("compileMillis", Long.toString(compileTime.toMillis()));
        p.setProperty("verilator", toolVersion);
        try (Writer w = Files.newBufferedWriter(directory.resolve(MANIFEST))) {
            p.store(w, "flowswitch model " + hash);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + directory.resolve(MANIFEST), e);
        }
    }

    static BuiltModel fromCache(Path entry, String hash, TopLevel top, TraceFormat trace) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(entry.resolve(MANIFEST))) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + entry.resolve(MANIFEST), e);
        }
        long millis = Long.parseLong(p.getProperty("compileMillis", "0"));
        return new BuiltModel(entry, hash, top, trace, Duration.ofMillis(millis), true);
    }
}
