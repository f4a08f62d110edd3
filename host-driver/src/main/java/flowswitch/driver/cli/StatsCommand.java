package flowswitch.driver.cli;

import flowswitch.driver.api.CounterValue;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "stats",
        description = "Print every counter: per port, per service, per server, flow table and drop reasons.")
final class StatsCommand implements Runnable {
    @Mixin
    private HelpOption help;
    @ParentCommand
    private Fsctl fsctl;
    @Spec
    private CommandSpec spec;
    @Mixin
    private JsonOption output;

    @Override
    public void run() {
        Counters counters;
        SlotNames names;
        try (Session session = fsctl.open()) {
            names = session.names().load();
            counters = session.device().counters();
        }
        List<Section> sections = List.of(
                Section.perIndex("ports", counters.group(Group.PORT), List.of("port"), i -> List.of(i)),
                Section.perIndex("services", counters.group(Group.SERVICE), List.of("slot", "name"),
                        i -> List.of(i, names.serviceName(i))),
                Section.perIndex("servers", counters.group(Group.SERVER), List.of("slot", "name"),
                        i -> List.of(i, names.serverName(i))),
                Section.global("flow", counters.group(Group.FLOW),
                        Map.of("occupancy", (long) counters.flowOccupancy())),
                Section.global("drops", counters.group(Group.DROP), Map.of()),
                Section.global("mac", List.of(), Map.of("occupancy", (long) counters.macOccupancy())));
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            sections.forEach(s -> json.put(s.title(), s.json()));
            Json.print(out, json);
            return;
        }
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

        record Row(List<Object> keys, Map<String, Long> values) {
        }

        static Section perIndex(String title, List<CounterValue> values, List<String> keyColumns,
                                IntFunction<List<Object>> keys) {
            Map<Integer, Row> rows = new TreeMap<>();
            for (CounterValue v : values) {
                rows.computeIfAbsent(v.index(), i -> new Row(keys.apply(i), new LinkedHashMap<>()))
                        .values().put(v.name(), v.value());
            }
            return new Section(title, keyColumns, List.copyOf(rows.values()), counterNames(values, Map.of()));
        }

        static Section global(String title, List<CounterValue> values, Map<String, Long> live) {
            Map<String, Long> row = new LinkedHashMap<>();
            values.forEach(v -> row.put(v.name(), v.value()));
            row.putAll(live);
            return new Section(title, List.of(), List.of(new Row(List.of(), row)), counterNames(values, live));
        }

        private static List<String> counterNames(List<CounterValue> values, Map<String, Long> live) {
            List<String> names = new ArrayList<>(values.stream().map(CounterValue::name).distinct().toList());
            names.addAll(live.keySet());
            return names;
        }

        /** A global group is one object; a per-index group is a list of objects with their keys. */
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
                counterColumns.forEach(c -> cells.add(row.values().containsKey(c) ? row.values().get(c) : "-"));
                table.row(cells);
            }
            return table;
        }
    }
}
