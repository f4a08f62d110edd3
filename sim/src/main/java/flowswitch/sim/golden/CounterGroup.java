package flowswitch.sim.golden;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The counter groups of docs/register-map.md; indexed groups repeat per port, service or server slot. */
public enum CounterGroup {
    PORT(true, PortCounter.values()),
    DROP(false, DropReason.values()),
    FLOW(false, FlowCounter.values()),
    SERVICE(true, ServiceCounter.values()),
    SERVER(true, ServerCounter.values()),
    ROUTER(true, RouterCounter.values());

    private final boolean indexed;
    private final List<CounterKind> kinds;

    CounterGroup(boolean indexed, CounterKind[] kinds) {
        this.indexed = indexed;
        this.kinds = List.of(kinds);
    }

    public boolean indexed() {
        return indexed;
    }

    /** The counters of this group, in register-map order. */
    public List<CounterKind> kinds() {
        return kinds;
    }

    /** The spelling used in regmap.json. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the groups that exist */
    public static CounterGroup fromJson(String text) {
        return Arrays.stream(values()).filter(g -> g.jsonName().equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not a counter group; expected"
                        + " one of " + Arrays.stream(values()).map(CounterGroup::jsonName)
                        .collect(Collectors.joining(", "))));
    }
}
