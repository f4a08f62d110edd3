package flowswitch.driver.exporter;

import flowswitch.config.HardwareParams;
import flowswitch.driver.api.CounterValue;
import flowswitch.driver.api.Counters;
import flowswitch.driver.api.LoadBalancer;
import flowswitch.driver.api.NamedRouter;
import flowswitch.driver.api.NamedServer;
import flowswitch.driver.api.NamedService;
import flowswitch.driver.regmap.RegisterMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The device's counters and levels as Prometheus metrics, read afresh on each collection. Counter families follow
 * the register map's groups: {@code flowswitch_port_<name>_total{port}}, {@code flowswitch_service_<name>_total
 * {service}} and {@code flowswitch_server_<name>_total{service,server}} for the enabled services and valid servers
 * (by their names), {@code flowswitch_drops_total{reason}}, and {@code flowswitch_<group>_<name>_total} for the rest
 * (the flow table). Gauges: table entries and sizes, server weights and states.
 */
public final class DeviceMetrics {
    private DeviceMetrics() {
    }

    public static List<Metric> collect(LoadBalancer balancer) {
        Counters counters;
        List<NamedService> services;
        List<NamedServer> servers;
        List<NamedRouter> routers;
        synchronized (balancer.device()) {
            counters = balancer.device().counters();
            services = balancer.services();
            servers = balancer.servers();
            routers = balancer.routers();
        }
        Map<Integer, NamedRouter> routerBySlot = bySlot(routers, NamedRouter::slot);
        Map<Integer, NamedService> serviceBySlot = bySlot(services, NamedService::slot);
        Map<Integer, NamedServer> serverBySlot = bySlot(servers, NamedServer::slot);
        RegisterMap map = balancer.device().registerMap();

        Families families = new Families();
        for (CounterValue v : counters.values()) {
            String doc = map.counter(v.group(), v.index(), v.name()).doc();
            switch (v.group()) {
                case PORT -> families.add("flowswitch_port_" + v.name() + "_total", MetricType.COUNTER, doc,
                        Map.of("port", String.valueOf(v.index())), v.value());
                case SERVICE -> {
                    NamedService service = serviceBySlot.get(v.index());
                    if (service != null) {
                        families.add("flowswitch_service_" + v.name() + "_total", MetricType.COUNTER, doc,
                                Map.of("service", service.name()), v.value());
                    }
                }
                case SERVER -> {
                    NamedServer server = serverBySlot.get(v.index());
                    if (server != null) {
                        families.add("flowswitch_server_" + v.name() + "_total", MetricType.COUNTER, doc,
                                serverLabels(server), v.value());
                    }
                }
                case ROUTER -> {
                    NamedRouter router = routerBySlot.get(v.index());
                    if (router != null) {
                        families.add("flowswitch_router_" + v.name() + "_total", MetricType.COUNTER, doc,
                                Map.of("router", router.name()), v.value());
                    }
                }
                case DROP -> families.add("flowswitch_drops_total", MetricType.COUNTER,
                        "frames dropped, by reason", Map.of("reason", v.name()), v.value());
                default -> families.add("flowswitch_" + v.group().jsonName() + "_" + v.name() + "_total",
                        MetricType.COUNTER, doc, Map.of(), v.value());
            }
        }
        HardwareParams hw = balancer.device().hardware();
        families.add("flowswitch_flow_table_entries", MetricType.GAUGE, "live entries in the flow table", Map.of(),
                counters.flowOccupancy());
        families.add("flowswitch_flow_table_size", MetricType.GAUGE, "entries the flow table holds", Map.of(),
                hw.flowTableSize());
        families.add("flowswitch_mac_table_entries", MetricType.GAUGE, "live entries in the MAC table", Map.of(),
                counters.macOccupancy());
        families.add("flowswitch_mac_table_size", MetricType.GAUGE, "entries the MAC table holds", Map.of(),
                hw.macTableSize());
        for (NamedServer server : servers) {
            families.add("flowswitch_server_weight", MetricType.GAUGE, "the server's share of new flows",
                    serverLabels(server), server.entry().weight());
            Map<String, String> labels = new LinkedHashMap<>(serverLabels(server));
            labels.put("state", server.entry().state().name().toLowerCase(Locale.ROOT));
            families.add("flowswitch_server_state", MetricType.GAUGE, "1 for the state the server is in (up, drain"
                    + " or down)", labels, 1);
        }
        return families.metrics();
    }

    private static Map<String, String> serverLabels(NamedServer server) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("service", server.service());
        labels.put("server", server.name());
        return labels;
    }

    private static <T> Map<Integer, T> bySlot(List<T> items, Function<T, Integer> slot) {
        return items.stream().collect(Collectors.toMap(slot, Function.identity()));
    }

    /** Metric families in the order they first appear, each collecting its samples. */
    private static final class Families {
        private record Family(MetricType type, String help, List<Metric.Sample> samples) {
        }

        private final Map<String, Family> families = new LinkedHashMap<>();

        void add(String name, MetricType type, String help, Map<String, String> labels, long value) {
            families.computeIfAbsent(name, n -> new Family(type, help, new ArrayList<>()))
                    .samples().add(new Metric.Sample(labels, value));
        }

        List<Metric> metrics() {
            List<Metric> metrics = new ArrayList<>();
            families.forEach((name, f) -> metrics.add(new Metric(name, f.type(), f.help(), f.samples())));
            return metrics;
        }
    }
}
