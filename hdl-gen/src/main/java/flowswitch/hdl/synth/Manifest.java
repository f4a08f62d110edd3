package flowswitch.hdl.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import flowswitch.config.HardwareParams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json}, written beside every build's outputs: what was built from which sources with which tools,
 * and what it measured. Enough to tell two bitstreams apart and to know whether one is current.
 */
public record Manifest(String board, String design, String top, String part, String createdAt, String gitCommit,
                       boolean gitDirty, String configHash, String hardware, Map<String, String> tools,
                       String outcome, List<Map<String, Object>> utilization, List<Map<String, Object>> clocks,
                       String noTimingReason, List<String> outputs, Map<String, Long> stepSeconds, List<String> notes) {
    public static final String FILE = "manifest.json";

    static Manifest of(SynthRequest request, SynthResult result, Map<String, String> tools, BuildProvenance source) {
        HardwareParams hw = request.hw();
        Map<String, Long> steps = new LinkedHashMap<>();
        result.steps().forEach(s -> steps.put(s.name(), s.elapsed().toSeconds()));
        List<String> outputs;
        try (var files = Files.list(result.outDir())) {
            outputs = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals(FILE)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + result.outDir() + ": " + e.getMessage(), e);
        }
        return new Manifest(request.board().id(), request.design().id(), result.top(),
                request.board().resources().part(), Instant.now().toString(), source.gitCommit(), source.dirty(),
                String.format("0x%08x", hw.buildHash()), hw.canonicalText(), Map.copyOf(tools), result.outcome().id(),
                result.utilization().stream().map(Manifest::row).toList(),
                result.timing().stream().map(Manifest::row).toList(), result.noTimingReason().orElse(null), outputs,
                steps, result.notes());
    }

    void write(Path file) {
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a manifest back (for tests and tools that compare builds). */
    public static Manifest read(Path file) {
        try {
            return new ObjectMapper().readValue(file.toFile(), Manifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> row(Utilization u) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("resource", u.resource());
        row.put("used", u.used());
        row.put("available", u.available());
        row.put("percent", Math.round(u.percent() * 10) / 10.0);
        return row;
    }

    private static Map<String, Object> row(ClockTiming t) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("clock", t.clock());
        row.put("targetMhz", t.targetMhz());
        row.put("achievedMhz", Math.round(t.achievedMhz() * 100) / 100.0);
        row.put("met", t.met());
        return row;
    }
}
