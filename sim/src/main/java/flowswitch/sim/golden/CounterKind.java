package flowswitch.sim.golden;

import java.util.Locale;

/** One counter name within its group, as docs/register-map.md spells it. */
public sealed interface CounterKind permits PortCounter, DropReason, FlowCounter, ServiceCounter, ServerCounter,
        RouterCounter {
    CounterGroup group();

    /** Implemented by every enum constant. */
    String name();

    /** False for a counter the golden model does not predict (comparisons skip it). */
    default boolean modeled() {
        return true;
    }

    /** The name in regmap.json, e.g. {@code rx_packets}. */
    default String counterName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
