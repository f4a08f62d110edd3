package flowswitch.driver.exporter;

import java.util.Locale;

/** The Prometheus metric types the exporter uses. */
public enum MetricType {
    /** Only grows, except when the device's counters are cleared. */
    COUNTER,
    /** A level that goes up and down. */
    GAUGE;

    String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }
}
