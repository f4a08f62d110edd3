package flowswitch.sim.golden;

import java.util.Locale;
import java.util.stream.Collectors;

/** One 64-bit counter: its kind and, for indexed groups, the port or slot ({@code -1} for global counters). */
public record CounterId(CounterKind kind, int index) {
    public static final int GLOBAL = -1;

    public CounterId {
        if (kind.group().indexed() ? index < 0 : index != GLOBAL) {
            throw new IllegalArgumentException("counter " + kind.group().jsonName() + "." + kind.counterName()
                    + (kind.group().indexed() ? " needs an index of 0 or more" : " is global; its index must be -1")
                    + ", got " + index);
        }
    }

    public static CounterId global(CounterKind kind) {
        return new CounterId(kind, GLOBAL);
    }

    /**
     * The counter that a regmap.json entry describes.
     *
     * @throws IllegalArgumentException naming the unknown group or name and the ones that exist
     */
    public static CounterId fromJson(String group, int index, String name) {
        CounterGroup counterGroup = CounterGroup.fromJson(group);
        CounterKind kind = counterGroup.kinds().stream().filter(k -> k.counterName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + name + "' is not a counter of group " + group
                        + "; expected one of " + counterGroup.kinds().stream().map(CounterKind::counterName)
                        .collect(Collectors.joining(", "))));
        return new CounterId(kind, index);
    }

    public CounterGroup group() {
        return kind.group();
    }

    /** The register name without its _LO/_HI suffix, e.g. {@code PORT0_RX_PACKETS} or {@code FLOW_HITS}. */
    public String registerName() {
        String group = group().name() + (group().indexed() ? Integer.toString(index) : "");
        return group + "_" + kind.counterName().toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return registerName();
    }
}
