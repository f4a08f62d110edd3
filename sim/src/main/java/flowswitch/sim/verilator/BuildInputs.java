package flowswitch.sim.verilator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Everything a model build depends on, read once: the Verilog sources (by file name), the files we generate
 * (harness, linker script), the tool flags and the tool version. Its SHA-256 names the cache entry, and the
 * build compiles exactly these bytes, so an entry always matches its name.
 */
record BuildInputs(SortedMap<String, byte[]> sources, SortedMap<String, String> generated, List<String> flags,
                   String toolVersion) {

    static BuildInputs collect(Path sourceDir, Map<String, String> generated, List<String> flags, String toolVersion) {
        return new BuildInputs(readSources(sourceDir), new TreeMap<>(generated), List.copyOf(flags), toolVersion);
    }

    String sha256() {
        MessageDigest d;
        try {
            d = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
        // Length-prefixed fields, so no two different input sets can produce the same byte stream.
        field(d, "flowswitch-model-v1");
        field(d, toolVersion);
        field(d, Integer.toString(flags.size()));
        flags.forEach(f -> field(d, f));
        field(d, Integer.toString(generated.size()));
        generated.forEach((name, text) -> {
            field(d, name);
            field(d, text);
        });
        field(d, Integer.toString(sources.size()));
        sources.forEach((name, bytes) -> {
            field(d, name);
            field(d, bytes);
        });
        return HexFormat.of().formatHex(d.digest());
    }

    private static void field(MessageDigest d, String s) {
        field(d, s.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(MessageDigest d, byte[] bytes) {
        d.update(Long.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        d.update((byte) ':');
        d.update(bytes);
    }

    private static SortedMap<String, byte[]> readSources(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ModelBuildException("Verilog directory " + dir + " does not exist;"
                    + " generate the hardware first (flowswitch gen --out DIR) and pass that DIR");
        }
        SortedMap<String, byte[]> sources = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(BuildInputs::isVerilog).toList()) {
                sources.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Verilog sources in " + dir, e);
        }
        if (sources.isEmpty()) {
            throw new ModelBuildException("no Verilog (.v or .sv) files in " + dir
                    + "; generate the hardware first (flowswitch gen --out DIR) and pass that DIR");
        }
        return sources;
    }

    private static boolean isVerilog(Path f) {
        String name = f.getFileName().toString();
        return Files.isRegularFile(f) && (name.endsWith(".v") || name.endsWith(".sv"));
    }
}
