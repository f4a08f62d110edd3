package flowswitch.driver.api;

import flowswitch.driver.regmap.Group;
import java.util.List;

/**
 * Every counter of the device, in the register map's order, with the live table occupancies read at the same
 * time.
 */
public record Counters(List<CounterValue> values, int flowOccupancy, int macOccupancy) {
    public Counters {
        values = List.copyOf(values);
    }

    public List<CounterValue> group(Group group) {
        return values.stream().filter(v -> v.group() == group).toList();
    }

    /** @throws IllegalArgumentException when the device has no such counter */
    public long get(Group group, int index, String name) {
        return values.stream()
                .filter(v -> v.group() == group && v.index() == index && v.name().equals(name))
                .mapToLong(CounterValue::value)
                .findFirst()
                .orElseThrow(() -> noSuchCounter(group, index, name));
    }

    static IllegalArgumentException noSuchCounter(Group group, int index, String name) {
        return new IllegalArgumentException("no counter " + group.jsonName() + (index >= 0 ? "[" + index + "]" : "")
                + "." + name);
    }
}
