package flowswitch.driver.exporter;

import java.util.List;
import java.util.Map;

/** One metric family: a name, its type and help, and one sample per label set. */
public record Metric(String name, MetricType type, String help, List<Sample> samples) {
    public Metric {
        samples = List.copyOf(samples);
    }

    /** One value of the family; labels in the order they are written. */
    public record Sample(Map<String, String> labels, long value) {
    }
}
