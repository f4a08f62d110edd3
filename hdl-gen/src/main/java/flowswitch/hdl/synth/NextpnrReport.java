package flowswitch.hdl.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What nextpnr-ice40 reports: the JSON of {@code --report} after a complete run (utilization, and per clock the
 * achieved and constrained frequency), or, when placement fails for lack of cells, the utilization it logs before
 * placing ("Device utilisation").
 */
public final class NextpnrReport {
    private static final Pattern LOGGED_USE = Pattern.compile("^Info:\\s+(\\w+):\\s+(\\d+)/\\s*(\\d+)\\s+\\d+%");

    private NextpnrReport() {}

    /** Resources with a non-zero use, from the {@code --report} JSON. */
    public static List<Utilization> utilization(Path report) {
        List<Utilization> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = read(report).path("utilization").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            long used = e.getValue().path("used").asLong();
            if (used > 0) out.add(new Utilization(e.getKey(), used, e.getValue().path("available").asLong()));
        }
        return out;
    }

    /**
     * The timing of each of {@code clocks}. nextpnr names a clock after the net it found, such as
     * {@code clk_12mhz$SB_IO_IN_$glb_clk}: the port name up to the first {@code $}.
     *
     * @throws SynthException when the report has no entry for a clock (its constraint did not reach the design)
     */
    public static List<ClockTiming> timing(Path report, List<ClockTarget> clocks) {
        JsonNode fmax = read(report).path("fmax");
        List<ClockTiming> out = new ArrayList<>();
        for (ClockTarget clock : clocks) {
            JsonNode entry = null;
            Iterator<Map.Entry<String, JsonNode>> it = fmax.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals(clock.port()) || e.getKey().startsWith(clock.port() + "$")) entry = e.getValue();
            }
            if (entry == null) {
                throw new SynthException("nextpnr reports no timing for clock " + clock.port() + " (" + report
                        + " has " + fieldNames(fmax) + "): is the clock used, and is its constraint applied?");
            }
            out.add(new ClockTiming(clock.port(), clock.mhz(), entry.path("achieved").asDouble()));
        }
        return out;
    }

    /** The utilization nextpnr logged before placing, for a run that stopped there. */
    public static List<Utilization> loggedUtilization(Path log) {
        Map<String, Utilization> found = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(log)) {
                Matcher m = LOGGED_USE.matcher(line.replace('\t', ' '));
                long used = m.find() ? Long.parseLong(m.group(2)) : 0;
                if (used > 0) found.putIfAbsent(m.group(1), new Utilization(m.group(1), used, Long.parseLong(m.group(3))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log + ": " + e.getMessage(), e);
        }
        return new ArrayList<>(found.values());
    }

    private static JsonNode read(Path report) {
        try {
            return new ObjectMapper().readTree(report.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read nextpnr report " + report + ": " + e.getMessage(), e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
