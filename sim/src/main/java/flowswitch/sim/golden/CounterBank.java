package flowswitch.sim.golden;

import flowswitch.config.HardwareParams;

import java.util.LinkedHashMap;
import java.util.Map;

/** The live counters of the model: every counter the hardware has, all starting at zero. */
final class CounterBank {
    private final Map<CounterId, Long> values = new LinkedHashMap<>();

    CounterBank(HardwareParams hardware) {
        for (CounterGroup group : CounterGroup.values()) {
            int instances = switch (group) {
                case PORT -> hardware.ports();
                case SERVICE -> hardware.maxServices();
                case SERVER -> hardware.maxServers();
                case ROUTER -> hardware.maxRouters();
                case DROP, FLOW -> 1;
            };
            for (int index = 0; index < instances; index++) {
                for (CounterKind kind : group.kinds()) {
                    values.put(new CounterId(kind, group.indexed() ? index : CounterId.GLOBAL), 0L);
                }
            }
        }
    }

    void add(CounterKind kind, int index, long amount) {
        values.merge(new CounterId(kind, index), amount, Long::sum);
    }

    void count(CounterKind global) {
        add(global, CounterId.GLOBAL, 1);
    }

    /** One frame of {@code bytes} on a packets/bytes counter pair. */
    void frame(CounterKind packets, CounterKind bytes, int index, int length) {
        add(packets, index, 1);
        add(bytes, index, length);
    }

    void clear() {
        values.replaceAll((id, value) -> 0L);
    }

    Counters snapshot(int flowOccupancy, int macOccupancy) {
        return new Counters(values, flowOccupancy, macOccupancy);
    }
}
