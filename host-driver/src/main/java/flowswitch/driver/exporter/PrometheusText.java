package flowswitch.driver.exporter;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The Prometheus text exposition format (version 0.0.4): HELP and TYPE lines, then one line per sample. */
public final class PrometheusText {
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {
    }

    public static String render(List<Metric> metrics) {
        StringBuilder out = new StringBuilder();
        for (Metric metric : metrics) {
            out.append("# HELP ").append(metric.name()).append(' ').append(escapeHelp(metric.help())).append('\n');
            out.append("# TYPE ").append(metric.name()).append(' ').append(metric.type().spelling()).append('\n');
            for (Metric.Sample sample : metric.samples()) {
                out.append(metric.name()).append(labels(sample.labels())).append(' ')
                        .append(Long.toUnsignedString(sample.value())).append('\n');
            }
        }
        return out.toString();
    }

    private static String labels(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return "";
        }
        return labels.entrySet().stream()
                .map(e -> e.getKey() + "=\"" + escapeLabel(e.getValue()) + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String escapeHelp(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static String escapeLabel(String text) {
        return escapeHelp(text).replace("\"", "\\\"");
    }
}
