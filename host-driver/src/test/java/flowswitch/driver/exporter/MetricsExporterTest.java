package flowswitch.driver.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.config.ServerState;
import flowswitch.driver.api.FlowSwitchDevice;
import flowswitch.driver.api.LoadBalancer;
import flowswitch.driver.api.ServerRef;
import flowswitch.driver.fake.FakeFlowSwitch;
import flowswitch.driver.fake.Fixtures;
import flowswitch.driver.names.NamesFile;
import flowswitch.driver.regmap.Group;
import flowswitch.driver.regmap.RegisterMap;
import flowswitch.driver.transport.DeviceException;
import flowswitch.driver.transport.RegisterBus;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exporter scraped over HTTP on loopback, its numbers checked against the fake device. */
class MetricsExporterTest {
    private static final Pattern SAMPLE = Pattern.compile("([a-z_]+)(\\{[^}]*})? ([0-9]+)");

    @TempDir
    Path dir;

    private final RegisterMap map = Fixtures.regmap();
    private final FakeFlowSwitch fake = new FakeFlowSwitch(map);
    /** The fake behind a switch that makes every access fail, as a device gone from the bus. */
    private final FailingBus bus = new FailingBus(fake);
    private final HttpClient http = HttpClient.newHttpClient();
    private MetricsExporter exporter;

    private static final class FailingBus implements RegisterBus {
        private final RegisterBus inner;
        private volatile boolean failing;

        FailingBus(RegisterBus inner) {
            this.inner = inner;
        }

        @Override
        public int read(int address) {
            if (failing) {
                throw new DeviceException("fake", "read 0x" + Integer.toHexString(address), "the device is gone");
            }
            return inner.read(address);
        }

        @Override
        public void write(int address, int value) {
            inner.write(address, value);
        }

        @Override
        public void close() {
        }
    }

    @BeforeEach
    void start() {
        LoadBalancer lb = new LoadBalancer(FlowSwitchDevice.open(bus, map), new NamesFile(dir.resolve("names.json")));
        lb.apply(Fixtures.config());
        lb.setServerState(ServerRef.named("web-2"), ServerState.DRAIN);
        exporter = MetricsExporter.start(new InetSocketAddress("127.0.0.1", 0), () -> DeviceMetrics.collect(lb));
    }

    @AfterEach
    void stop() {
        exporter.close();
    }

    @Test
    void servesEveryCounterWithItsLabelsAndTheDevicesValues() throws Exception {
        fake.setCounter(map.counter(Group.PORT, 0, "rx_packets"), 12);
        fake.setCounter(map.counter(Group.PORT, 1, "tx_bytes"), 0x1_0000_0000L);
        fake.setCounter(map.counter(Group.SERVICE, 0, "packets"), 40);
        fake.setCounter(map.counter(Group.SERVER, 2, "new_flows"), 17);
        fake.setCounter(map.counter(Group.FLOW, -1, "hits"), 99);
        fake.setCounter(map.counter(Group.DROP, -1, "no_server"), 3);
        fake.flows().fill(6);
        fake.setMacOccupancy(4);

        HttpResponse<String> response = get("/metrics");
        assertEquals(200, response.statusCode());
        assertEquals(PrometheusText.CONTENT_TYPE, response.headers().firstValue("Content-Type").orElseThrow());
        Map<String, Long> samples = samples(response.body());
        assertEquals(12, samples.get("flowswitch_port_rx_packets_total{port=\"0\"}"));
        assertEquals(0, samples.get("flowswitch_port_rx_packets_total{port=\"1\"}"));
        assertEquals(0x1_0000_0000L, samples.get("flowswitch_port_tx_bytes_total{port=\"1\"}"));
        assertEquals(40, samples.get("flowswitch_service_packets_total{service=\"web\"}"));
        assertEquals(0, samples.get("flowswitch_service_bytes_total{service=\"dns\"}"));
        assertEquals(17, samples.get("flowswitch_server_new_flows_total{service=\"dns\",server=\"dns-1\"}"));
        assertEquals(99, samples.get("flowswitch_flow_hits_total"));
        assertEquals(3, samples.get("flowswitch_drops_total{reason=\"no_server\"}"));
        assertEquals(6, samples.get("flowswitch_flow_table_entries"));
        assertEquals(64, samples.get("flowswitch_flow_table_size"));
        assertEquals(4, samples.get("flowswitch_mac_table_entries"));
        assertEquals(3, samples.get("flowswitch_server_weight{service=\"web\",server=\"web-1\"}"));
        assertEquals(1, samples.get("flowswitch_server_state{service=\"web\",server=\"web-2\",state=\"drain\"}"));
        // Slot 3 holds no server, so it has no series.
        assertTrue(samples.keySet().stream().noneMatch(k -> k.contains("slot3")), samples.keySet().toString());
        // 4 ports x 5 + 2 services x 3 + 3 servers x 6 + 9 flow + 9 drops + 4 table gauges + 3 servers x 2 gauges;
        // no router is named, so the router counters have no series.
        assertEquals(20 + 6 + 18 + 9 + 9 + 4 + 6, samples.size());

        List<String> lines = response.body().lines().toList();
        assertEquals(1, lines.stream().filter(l -> l.equals("# TYPE flowswitch_port_rx_packets_total counter"))
                .count());
        assertTrue(lines.contains("# HELP flowswitch_drops_total frames dropped, by reason"), response.body());
        assertTrue(lines.contains("# TYPE flowswitch_flow_table_entries gauge"), response.body());
        // Every family has its HELP and TYPE lines before its samples.
        for (String family : samples.keySet().stream().map(k -> k.replaceAll("\\{.*", "")).distinct().toList()) {
            int help = lines.indexOf(lines.stream().filter(l -> l.startsWith("# HELP " + family + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no HELP for " + family)));
            assertTrue(lines.get(help + 1).startsWith("# TYPE " + family + " "), family);
        }
    }

    @Test
    void eachScrapeReadsTheDeviceAfresh() throws Exception {
        fake.setCounter(map.counter(Group.PORT, 0, "rx_packets"), 1);
        assertEquals(1, samples(get("/metrics").body()).get("flowswitch_port_rx_packets_total{port=\"0\"}"));
        fake.setCounter(map.counter(Group.PORT, 0, "rx_packets"), 2);
        assertEquals(2, samples(get("/metrics").body()).get("flowswitch_port_rx_packets_total{port=\"0\"}"));
    }

    @Test
    void aDeviceThatCannotBeReadFailsTheScrape() throws Exception {
        bus.failing = true;
        HttpResponse<String> response = get("/metrics");
        assertEquals(503, response.statusCode());
        assertTrue(response.body().contains("cannot read the device: fake: read 0x"), response.body());
        bus.failing = false;
        assertEquals(200, get("/metrics").statusCode());
    }

    @Test
    void otherPagesPointToTheMetrics() throws Exception {
        assertEquals(404, get("/nothing").statusCode());
        HttpResponse<String> root = get("/");
        assertEquals(200, root.statusCode());
        assertTrue(root.body().contains("/metrics"));
    }

    @Test
    void labelValuesAndHelpAreEscaped() {
        String text = PrometheusText.render(List.of(new Metric("m", MetricType.GAUGE, "a \\ b\nc",
                List.of(new Metric.Sample(Map.of("l", "x\"y\\z\nw"), -1L)))));
        assertEquals("# HELP m a \\\\ b\\nc\n# TYPE m gauge\nm{l=\"x\\\"y\\\\z\\nw\"} 18446744073709551615\n", text);
    }

    private HttpResponse<String> get(String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + exporter.address().getPort() + path);
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sample lines by name and labels as written. */
    private static Map<String, Long> samples(String body) {
        Map<String, Long> samples = new HashMap<>();
        for (String line : body.lines().filter(l -> !l.startsWith("#")).toList()) {
            Matcher m = SAMPLE.matcher(line);
            assertTrue(m.matches(), "not a sample line: " + line);
            Long earlier = samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)),
                    Long.parseUnsignedLong(m.group(3)));
            assertEquals(null, earlier, "twice: " + line);
        }
        return samples;
    }
}
