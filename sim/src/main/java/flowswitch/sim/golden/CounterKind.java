package flowswitch.sim.golden;

import java.util.Locale;

/** One counter name within its group, as docs/register-map.md spells it. */
public sealed interface CounterKind permits PortCounter, DropReason, FlowCounter, ServiceCounter, ServerCounter {
    CounterGroup group();

    /** Implemented by every enum constant. */
    String name();

    /** The name in regmap.json, e.g. {@code rx_packets}. */
    default String counterName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
