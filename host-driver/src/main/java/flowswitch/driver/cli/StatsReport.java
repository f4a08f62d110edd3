package flowswitch.driver.cli;

import flowswitch.driver.api.CounterRates;
import flowswitch.driver.api.Counters;
import flowswitch.driver.names.SlotNames;
import flowswitch.driver.regmap.Group;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * What {@code stats} prints: one section per counter group (per port, per service, per server, flow table, drop
 * reasons, MAC table), as tables or as JSON. The values are either counts or rates per second.
 */
final class StatsReport {
    /** One counter's value in a report: a count (long) or a rate (double). */
    record Reading(Group group, int index, String name, Number value) {
    }

    private final List<Section> sections;

    private StatsReport(List<Section> sections) {
        this.sections = sections;
    }

    static StatsReport totals(Counters counters, SlotNames names) {
        List<Reading> readings = counters.values().stream()
                .map(v -> new Reading(v.group(), v.index(), v.name(), v.value())).toList();
        return of(readings, counters.flowOccupancy(), counters.macOccupancy(), names);
    }

    /** Rates per second; the occupancies are levels and stay as read. */
    static StatsReport rates(CounterRates rates, SlotNames names) {
        List<Reading> readings = rates.values().stream()
                .map(v -> new Reading(v.group(), v.index(), v.name(), v.perSecond())).toList();
        return of(readings, rates.flowOccupancy(), rates.macOccupancy(), names);
    }

    private static StatsReport of(List<Reading> readings, int flowOccupancy, int macOccupancy, SlotNames names) {
        return new StatsReport(List.of(
                Section.perIndex("ports", inGroup(readings, Group.PORT), List.of("port"), i -> List.of(i)),
                Section.perIndex("services", inGroup(readings, Group.SERVICE), List.of("slot", "name"),
                        i -> List.of(i, names.serviceName(i))),
                Section.perIndex("servers", inGroup(readings, Group.SERVER), List.of("slot", "name"),
                        i -> List.of(i, names.serverName(i))),
                Section.global("flow", inGroup(readings, Group.FLOW), Map.of("occupancy", flowOccupancy)),
                Section.global("drops", inGroup(readings, Group.DROP), Map.of()),
                Section.perIndex("routers", inGroup(readings, Group.ROUTER), List.of("slot", "name"),
                        i -> List.of(i, names.routerName(i))),
                Section.global("routing", List.of(new Reading(Group.ROUTER, -1, "router_failovers",
                        failovers(readings))), Map.of()),
                Section.global("mac", List.of(), Map.of("occupancy", macOccupancy))));
    }

    /** Frames sent to a live router in place of a down one: the routers' {@code failovers} summed. */
    private static Number failovers(List<Reading> readings) {
        List<Number> values = inGroup(readings, Group.ROUTER).stream().filter(r -> r.name().equals("failovers"))
                .map(Reading::value).toList();
        if (values.stream().allMatch(v -> v instanceof Long)) {
            return values.stream().mapToLong(Number::longValue).sum();
        }
        return values.stream().mapToDouble(Number::doubleValue).sum();
    }

    private static List<Reading> inGroup(List<Reading> readings, Group group) {
        return readings.stream().filter(r -> r.group() == group).toList();
    }

    /** Section title to its JSON: an object for a global group, a list of objects with their keys otherwise. */
    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        sections.forEach(s -> json.put(s.title(), s.json()));
        return json;
    }

    void print(PrintWriter out) {
        for (int i = 0; i < sections.size(); i++) {
            out.println((i == 0 ? "" : "\n") + sections.get(i).title());
            sections.get(i).table().print(out);
        }
    }

    /**
     * One table of the output: a row per port or slot ({@code keyColumns} say what identifies it), or a single row
     * without keys for a global group; counter columns in the register map's order.
     */
    private record Section(String title, List<String> keyColumns, List<Row> rows, List<String> counterColumns) {

        record Row(List<Object> keys, Map<String, Number> values) {
        }

        static Section perIndex(String title, List<Reading> values, List<String> keyColumns,
                                IntFunction<List<Object>> keys) {
            Map<Integer, Row> rows = new TreeMap<>();
            for (Reading v : values) {
                rows.computeIfAbsent(v.index(), i -> new Row(keys.apply(i), new LinkedHashMap<>()))
                        .values().put(v.name(), v.value());
            }
            return new Section(title, keyColumns, List.copyOf(rows.values()), counterNames(values, Map.of()));
        }

        static Section global(String title, List<Reading> values, Map<String, Integer> levels) {
            Map<String, Number> row = new LinkedHashMap<>();
            values.forEach(v -> row.put(v.name(), v.value()));
            row.putAll(levels);
            return new Section(title, List.of(), List.of(new Row(List.of(), row)), counterNames(values, levels));
        }

        private static List<String> counterNames(List<Reading> values, Map<String, Integer> levels) {
            List<String> names = new ArrayList<>(values.stream().map(Reading::name).distinct().toList());
            names.addAll(levels.keySet());
            return names;
        }

        Object json() {
            if (keyColumns.isEmpty()) {
                return rows.get(0).values();
            }
            List<Map<String, Object>> list = new ArrayList<>();
            for (Row row : rows) {
                Map<String, Object> item = new LinkedHashMap<>();
                for (int k = 0; k < keyColumns.size(); k++) {
                    item.put(keyColumns.get(k), row.keys().get(k));
                }
                item.putAll(row.values());
                list.add(item);
            }
            return list;
        }

        Table table() {
            List<String> headers = new ArrayList<>();
            keyColumns.forEach(c -> headers.add(c.toUpperCase(Locale.ROOT)));
            counterColumns.forEach(c -> headers.add(c.toUpperCase(Locale.ROOT)));
            Table table = new Table(headers);
            for (Row row : rows) {
                List<Object> cells = new ArrayList<>(row.keys());
                // A counter the map declares for some rows only shows as "-" in the others.
                counterColumns.forEach(c -> cells.add(row.values().containsKey(c) ? cell(row.values().get(c)) : "-"));
                table.row(cells);
            }
            return table;
        }

        private static String cell(Number value) {
            return value instanceof Double rate ? String.format(Locale.ROOT, "%.1f", rate) : value.toString();
        }
    }
}
