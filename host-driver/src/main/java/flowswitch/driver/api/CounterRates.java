package flowswitch.driver.api;

import flowswitch.driver.regmap.Group;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every counter's growth per second between two readings, with the table occupancies of the later one (they are
 * levels, not counts, so they have no rate).
 */
public record CounterRates(List<CounterRate> values, Duration elapsed, int flowOccupancy, int macOccupancy) {
    public CounterRates {
        values = List.copyOf(values);
    }

    /**
     * @param elapsed the time between the two readings
     * @throws IllegalArgumentException when the readings are not of the same counters or no time passed
     */
    public static CounterRates between(Counters earlier, Counters later, Duration elapsed) {
        if (elapsed.isNegative() || elapsed.isZero()) {
            throw new IllegalArgumentException("no time passed between the two readings (" + elapsed + ")");
        }
        if (earlier.values().size() != later.values().size()) {
            throw new IllegalArgumentException("the two readings hold " + earlier.values().size() + " and "
                    + later.values().size() + " counters");
        }
        double seconds = elapsed.toNanos() / 1e9;
        List<CounterRate> rates = new ArrayList<>();
        for (int i = 0; i < later.values().size(); i++) {
            CounterValue before = earlier.values().get(i);
            CounterValue after = later.values().get(i);
            if (before.group() != after.group() || before.index() != after.index()
                    || !before.name().equals(after.name())) {
                throw new IllegalArgumentException("the two readings differ at counter " + i);
            }
            // A counter that went down was cleared in between: it counted from zero since.
            long grown = after.value() >= before.value() ? after.value() - before.value() : after.value();
            rates.add(new CounterRate(after.group(), after.index(), after.name(), grown / seconds));
        }
        return new CounterRates(rates, elapsed, later.flowOccupancy(), later.macOccupancy());
    }

    public List<CounterRate> group(Group group) {
        return values.stream().filter(v -> v.group() == group).toList();
    }

    /** @throws IllegalArgumentException when there is no such counter */
    public double get(Group group, int index, String name) {
        return values.stream()
                .filter(v -> v.group() == group && v.index() == index && v.name().equals(name))
                .mapToDouble(CounterRate::perSecond)
                .findFirst()
                .orElseThrow(() -> Counters.noSuchCounter(group, index, name));
    }
}
