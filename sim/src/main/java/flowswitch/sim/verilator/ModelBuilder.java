package flowswitch.sim.verilator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Builds (or finds in the cache) the shared library for a directory of generated Verilog. Immutable: the
 * {@code with...} methods return changed copies.
 * <pre>
 * BuiltModel built = ModelBuilder.of(verilogDir, new TopLevel("FlowSwitch", 4, 64)).withTrace(TraceFormat.VCD).build();
 * try (VerilatedModel dut = built.open()) { ... }
 * </pre>
 * The cache key is the SHA-256 of every input (Verilog bytes, generated harness, verilator version, flags), so a
 * second build of the same inputs only loads what the first one compiled.
 */
public record ModelBuilder(Path sourceDir, TopLevel top, SortedMap<String, String> parameters, TraceFormat trace,
                           Path cacheRoot) {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern PARAMETER_VALUE = Pattern.compile("[A-Za-z0-9_'.\"+-]+");

    public ModelBuilder {
        Objects.requireNonNull(sourceDir, "sourceDir");
        Objects.requireNonNull(top, "top");
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(cacheRoot, "cacheRoot");
        parameters.forEach(ModelBuilder::checkParameter);
        parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
    }

    /** All {@code .v}/{@code .sv} files directly in {@code sourceDir}; no tracing; the default cache root. */
    public static ModelBuilder of(Path sourceDir, TopLevel top) {
        return new ModelBuilder(sourceDir, top, new TreeMap<>(), TraceFormat.NONE, ModelCache.defaultRoot());
    }

    /** Overrides a top-level Verilog parameter ({@code -Gname=value}). */
    public ModelBuilder withParameter(String name, String value) {
        TreeMap<String, String> changed = new TreeMap<>(parameters);
        changed.put(name, value);
        return new ModelBuilder(sourceDir, top, changed, trace, cacheRoot);
    }

    public ModelBuilder withTrace(TraceFormat format) {
        return new ModelBuilder(sourceDir, top, parameters, format, cacheRoot);
    }

    /** The cache root (models go under {@code <root>/models/}); defaults to {@code $FLOWSWITCH_CACHE}. */
    public ModelBuilder withCacheRoot(Path root) {
        return new ModelBuilder(sourceDir, top, parameters, trace, root);
    }

    /**
     * Returns the cached model for these inputs, compiling it first if needed.
     *
     * @throws ModelBuildException when the sources are missing or the compiler fails (with the log's tail)
     */
    public BuiltModel build() {
        BuildInputs inputs = BuildInputs.collect(sourceDir, VerilatorCompiler.generatedFiles(top),
                VerilatorCompiler.flags(top, parameters, trace), VerilatorCompiler.version());
        String hash = inputs.sha256();
        ModelCache cache = new ModelCache(cacheRoot);
        return cache.find(hash).map(entry -> BuiltModel.fromCache(entry, hash, top, trace))
                .orElseGet(() -> cache.locked(hash, () -> cache.find(hash)
                        .map(entry -> BuiltModel.fromCache(entry, hash, top, trace))
                        .orElseGet(() -> compile(cache, hash, inputs))));
    }

    private BuiltModel compile(ModelCache cache, String hash, BuildInputs inputs) {
        Path staging = cache.newStagingDir(hash);
        try {
            VerilatorCompiler.Result result = VerilatorCompiler.compile(staging, inputs);
            if (!result.succeeded()) {
                Path log = cache.keepFailedLog(hash, result.log());
                throw new ModelBuildException("verilator could not build " + top.name() + " from " + sourceDir
                        + " (exit " + result.exitCode() + "). Last lines of " + log + ":\n" + tail(log, 30), log, null);
            }
            new BuiltModel(staging, hash, top, trace, result.elapsed(), false).writeManifest(inputs.toolVersion());
            Path entry = cache.publish(hash, staging);
            return new BuiltModel(entry, hash, top, trace, result.elapsed(), false);
        } finally {
            PathTrees.deleteIfExists(staging);
        }
    }

    private static void checkParameter(String name, String value) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("parameter name '" + name + "' is not a Verilog identifier");
        }
        if (!PARAMETER_VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("parameter " + name + " = '" + value + "' is not a Verilog literal"
                    + " (use digits, a sized literal like 8'hFF, or a quoted string)");
        }
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read the log: " + e.getMessage() + ")";
        }
    }
}
