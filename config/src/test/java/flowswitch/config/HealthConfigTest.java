package flowswitch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Server addresses and a service's health block: defaults, round trip, and each mistake with its location. */
class HealthConfigTest {
    /** Line 13 is the service's port, line 14 starts its health block: the settings a test gives start at 15. */
    private static final String HEAD = """
            hardware: {ports: 2}
            switch:
              mac: "02:00:00:00:00:fe"
            ports:
              - index: 0
                role: uplink
              - index: 1
                role: server
            services:
              - name: web
                vip: 192.31.65.1
                protocol: tcp
                port: 80
                health:
            """;
    private static final String SERVERS = """
                servers:
                  - name: s1
                    mac: "02:00:00:00:01:01"
                    port: 1
                    address: 10.0.0.11
                  - name: s2
                    mac: "02:00:00:00:01:02"
                    port: 1
                    address: 10.0.0.12
            """;

    @Test
    void httpCheckWithEverySetting() throws ConfigException {
        ServiceConfig web = parse("""
                      check: http
                      port: 8080
                      path: /health?deep=1
                      expect: 204
                      interval: 500ms
                      timeout: 250ms
                      rise: 1
                      fall: 5
                """);
        assertEquals(Optional.of(new HealthCheck(new Probe.Http(8080, "/health?deep=1", 204), Duration.ofMillis(500),
                Duration.ofMillis(250), 1, 5)), web.health());
        assertEquals(List.of(Optional.of(Ipv4Address.parse("10.0.0.11")), Optional.of(Ipv4Address.parse("10.0.0.12"))),
                web.servers().stream().map(ServerConfig::address).toList());
    }

    @Test
    void leftOutSettingsTakeTheDefaults() throws ConfigException {
        assertEquals(new HealthCheck(new Probe.Tcp(80), Duration.ofSeconds(2), Duration.ofSeconds(2), 2, 3),
                parse("      check: tcp\n").health().orElseThrow());
        assertEquals(new HealthCheck(new Probe.Http(80, "/", 200), Duration.ofMillis(1500), Duration.ofMillis(1500),
                2, 3), parse("      check: http\n      interval: 1.5s\n").health().orElseThrow());
        assertEquals(new HealthCheck(new Probe.Icmp(), Duration.ofSeconds(2), Duration.ofSeconds(2), 2, 3),
                parse("      check: icmp\n").health().orElseThrow());
    }

    @Test
    void aServiceWithoutHealthNeedsNoAddresses() throws ConfigException {
        String yaml = HEAD.replace("    health:\n", "") + SERVERS.replace("        address: 10.0.0.12\n", "");
        ServiceConfig web = SwitchConfig.parse(yaml, "t.yaml").services().get(0);
        assertEquals(Optional.empty(), web.health());
        assertEquals(Optional.empty(), web.servers().get(1).address());
    }

    @Test
    void addressesAndEveryKindOfCheckRoundTripThroughYaml() throws ConfigException {
        List<ServerConfig> servers = List.of(
                new ServerConfig("a", MacAddress.parse("02:00:00:00:01:01"), 1, 1, ServerState.UP,
                        Optional.of(Ipv4Address.parse("10.0.0.1"))),
                new ServerConfig("b", MacAddress.parse("02:00:00:00:01:02"), 1, 2, ServerState.DRAIN,
                        Optional.of(Ipv4Address.parse("10.0.0.2"))));
        List<HealthCheck> checks = List.of(
                new HealthCheck(new Probe.Icmp(), Duration.ofMillis(750), Duration.ofMillis(100), 4, 1),
                new HealthCheck(new Probe.Tcp(8443), Duration.ofSeconds(10), Duration.ofMillis(1001), 1, 100),
                new HealthCheck(new Probe.Http(80, "/a/b;c?x=1&y='%20'", 301), Duration.ofHours(1),
                        Duration.ofMillis(1), 100, 2));
        for (HealthCheck check : checks) {
            SwitchConfig config = new SwitchConfig(HardwareParams.defaults().withPorts(2),
                    MacAddress.parse("02:00:00:00:00:fe"),
                    List.of(new PortConfig(0, PortRole.UPLINK), new PortConfig(1, PortRole.SERVER)),
                    List.of(new ServiceConfig("web", Ipv4Address.parse("192.0.2.1"), Protocol.TCP, 0, Scheduler.RR,
                            servers, Optional.of(check))));
            assertEquals(config, SwitchConfig.parse(config.toYaml(), "written.yaml"), config.toYaml());
        }
    }

    @Test
    void durationsAreWrittenAsTheyAreRead() {
        assertEquals(Duration.ofMillis(1500), DurationText.parse("1.5s"));
        assertEquals(Duration.ofMillis(1050), DurationText.parse("1.05s"));
        assertEquals(Duration.ofMillis(20), DurationText.parse("20ms"));
        assertEquals(Duration.ofSeconds(3), DurationText.parse("3s"));
        for (String text : List.of("1ms", "999ms", "1s", "1001ms", "3600s")) {
            assertEquals(text, DurationText.format(DurationText.parse(text)));
        }
        for (String text : List.of("2", "2 s", "1.5ms", "2m", "-1s", "1.0005s", "02s")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DurationText.parse(text));
            assertEquals("'" + text + "' is not a duration; expected a number with its unit, like 500ms, 2s or 1.5s",
                    e.getMessage());
        }
    }

    // --- mistakes, located ---

    @Test
    void fallOutOfRange() {
        ConfigException e = error("      check: tcp\n      fall: 0\n");
        assertEquals("t.yaml:16:13: services[0].health.fall: 0 is out of range; expected 1..100", e.getMessage());
    }

    @Test
    void riseOutOfRange() {
        ConfigException e = error("      check: tcp\n      rise: 101\n");
        assertEquals("t.yaml:16:13: services[0].health.rise: 101 is out of range; expected 1..100", e.getMessage());
    }

    @Test
    void aServerWithoutAddressIsNamed() {
        String yaml = HEAD + "      check: icmp\n" + SERVERS.replace("        address: 10.0.0.12\n", "");
        ConfigException e = assertThrows(ConfigException.class, () -> SwitchConfig.parse(yaml, "t.yaml"));
        assertEquals(List.of(21, 9, "services[0].servers[1].address"), List.of(e.line(), e.column(), e.field()));
        assertTrue(e.problem().startsWith("server 's2' has no address, and this service has health checks"),
                e.getMessage());
        assertTrue(e.problem().contains("add its IPv4 address (address: 10.0.0.11) or remove the health block"),
                e.getMessage());
    }

    @Test
    void badAddress() {
        ConfigException e = error("      check: icmp\n", SERVERS.replace("10.0.0.12", "10.0.0.256"));
        assertEquals("t.yaml:24:18: services[0].servers[1].address: '10.0.0.256' is not an IPv4 address; expected"
                + " four decimal numbers 0..255 like 192.0.2.1", e.getMessage());
        e = error("      check: icmp\n", SERVERS.replace("10.0.0.12", "224.0.0.5"));
        assertEquals("t.yaml:24:18: services[0].servers[1].address: 224.0.0.5 is not a host address; expected the"
                + " server's own unicast IPv4 address", e.getMessage());
    }

    @Test
    void unknownCheck() {
        ConfigException e = error("      check: ping\n");
        assertEquals("t.yaml:15:14: services[0].health.check: 'ping' is not allowed; expected one of icmp, tcp,"
                + " http", e.getMessage());
    }

    @Test
    void checkIsRequired() {
        ConfigException e = error("      port: 80\n");
        assertEquals("t.yaml:15:7: services[0].health.check: is missing; this key is required", e.getMessage());
    }

    @Test
    void misspeltHealthKey() {
        ConfigException e = error("      check: tcp\n      intreval: 1s\n");
        assertEquals(List.of(16, 7, "services[0].health.intreval"), List.of(e.line(), e.column(), e.field()));
        assertTrue(e.problem().endsWith("allowed keys here: check, port, path, expect, interval, timeout, rise,"
                + " fall"), e.getMessage());
    }

    @Test
    void settingsOfAnotherKindOfCheck() {
        assertEquals("t.yaml:16:13: services[0].health.path: only an http check has path; remove it or write check:"
                + " http", error("      check: tcp\n      path: /\n").getMessage());
        assertEquals("t.yaml:16:15: services[0].health.expect: only an http check has expect; remove it or write"
                + " check: http", error("      check: icmp\n      expect: 200\n").getMessage());
        assertEquals("t.yaml:16:13: services[0].health.port: an icmp check has no port; remove it or write check:"
                + " tcp", error("      check: icmp\n      port: 22\n").getMessage());
    }

    @Test
    void aServiceOnAnyPortNeedsACheckPort() {
        String yaml = HEAD.replace("    port: 80\n", "") + "      check: http\n" + SERVERS;
        ConfigException e = assertThrows(ConfigException.class, () -> SwitchConfig.parse(yaml, "t.yaml"));
        assertEquals("t.yaml:14:7: services[0].health.port: is missing; the service listens on any port (port 0),"
                + " so its http check needs a port of its own", e.getMessage());
    }

    @Test
    void checkPortOutOfRange() {
        assertEquals("t.yaml:16:13: services[0].health.port: 0 is out of range; expected 1..65535",
                error("      check: tcp\n      port: 0\n").getMessage());
    }

    @Test
    void badDuration() {
        assertEquals("t.yaml:16:17: services[0].health.interval: '2' is not a duration; expected a number with its"
                + " unit, like 500ms, 2s or 1.5s", error("      check: tcp\n      interval: 2\n").getMessage());
        assertEquals("t.yaml:16:17: services[0].health.interval: 5ms is out of range; expected 10ms..3600s",
                error("      check: tcp\n      interval: 5ms\n").getMessage());
        assertEquals("t.yaml:16:16: services[0].health.timeout: 0s is out of range; expected 1ms..3600s",
                error("      check: tcp\n      timeout: 0s\n").getMessage());
    }

    @Test
    void timeoutLongerThanTheInterval() {
        assertEquals("t.yaml:17:16: services[0].health.timeout: 3s is longer than the interval (1s); a check must end"
                + " before the next one starts",
                error("      check: tcp\n      interval: 1s\n      timeout: 3s\n").getMessage());
        // Left out, the timeout is the interval, so a short interval alone is fine.
        assertEquals(Duration.ofMillis(100), assertParses("      check: tcp\n      interval: 100ms\n").timeout());
    }

    @Test
    void badHttpPathAndStatus() {
        assertEquals("t.yaml:16:13: services[0].health.path: 'health' is not a URL path; expected one starting with"
                + " /, like /health, with any space or other special character percent-encoded (%20)",
                error("      check: http\n      path: health\n").getMessage());
        assertTrue(error("      check: http\n      path: \"/a b\"\n").getMessage()
                .contains("'/a b' is not a URL path"));
        assertTrue(error("      check: http\n      path: '/a\"b'\n").getMessage().contains("is not a URL path"));
        assertTrue(error("      check: http\n      path: /100%\n").getMessage().contains("'/100%' is not a URL path"));
        assertEquals("t.yaml:16:15: services[0].health.expect: 99 is out of range; expected 100..599",
                error("      check: http\n      expect: 99\n").getMessage());
    }

    @Test
    void recordsBuiltInCodeAreChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new HealthCheck(
                new Probe.Tcp(80), Duration.ofSeconds(1), Duration.ofNanos(1_500_000), 2, 3));
        assertEquals("timeout: PT0.0015S is not a whole number of milliseconds", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ServiceConfig("web", Ipv4Address.parse("10.0.0.1"),
                Protocol.TCP, 80, Scheduler.RR, List.of(new ServerConfig("s1", MacAddress.parse("02:00:00:00:00:01"),
                        1, 1, ServerState.UP)), Optional.of(new HealthCheck(new Probe.Icmp(), Duration.ofSeconds(1), Duration.ofSeconds(1), 1,
                        1))));
        assertTrue(e.getMessage().startsWith("servers[0].address: server 's1' has no address"), e.getMessage());
    }

    private static ServiceConfig parse(String health) throws ConfigException {
        return SwitchConfig.parse(HEAD + health + SERVERS, "t.yaml").services().get(0);
    }

    private static HealthCheck assertParses(String health) {
        try {
            return parse(health).health().orElseThrow();
        } catch (ConfigException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static ConfigException error(String health) {
        return error(health, SERVERS);
    }

    private static ConfigException error(String health, String servers) {
        return assertThrows(ConfigException.class, () -> SwitchConfig.parse(HEAD + health + servers, "t.yaml"));
    }
}
