package flowswitch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** switch.clock_hz and switch.flow_timeouts: defaults, ticks, limits with their location, and the round trip. */
class FlowAgingConfigTest {
    /** Line 3 is the first line after the switch MAC: the settings a test gives start there. */
    private static final String HEAD = """
            switch:
              mac: "02:00:00:00:00:fe"
            """;
    private static final String PORTS = """
            ports: [{index: 0, role: uplink}, {index: 1, role: server}, {index: 2, role: server},
                    {index: 3, role: server}]
            """;

    @Test
    void leftOutTheyAreA125MHzClockAndIpvssTimeouts() throws ConfigException {
        SwitchConfig config = parse("");
        assertEquals(125_000_000, config.clockHz());
        assertEquals(new FlowTimeouts(Duration.ofSeconds(900), Duration.ofSeconds(120), Duration.ofSeconds(300)),
                config.flowTimeouts());
        assertEquals(FlowTimeouts.DEFAULTS, config.flowTimeouts());
    }

    @Test
    void eachTimeoutMayBeGivenAloneAndZeroMeansNever() throws ConfigException {
        SwitchConfig config = parse("""
                  clock_hz: 200000000
                  flow_timeouts:
                    udp: 0s
                    tcp_closing: 1.5s
                """);
        assertEquals(200_000_000, config.clockHz());
        assertEquals(new FlowTimeouts(Duration.ofSeconds(900), Duration.ofMillis(1500), Duration.ZERO),
                config.flowTimeouts());
        assertEquals(FlowTimeouts.NEVER, parse("  flow_timeouts: {tcp: 0s, tcp_closing: 0ms, udp: 0s}\n")
                .flowTimeouts());
        assertTrue(FlowTimeouts.NEVER.neverAge());
        assertTrue(!config.flowTimeouts().neverAge());
    }

    @Test
    void timeoutsAreCountedInWholeTicksRoundedUp() {
        assertEquals(Duration.ofMillis(100), FlowTimeouts.TICK);
        assertEquals(0, FlowTimeouts.ticks(Duration.ZERO));
        assertEquals(1, FlowTimeouts.ticks(Duration.ofMillis(1)));
        assertEquals(1, FlowTimeouts.ticks(Duration.ofMillis(100)));
        assertEquals(2, FlowTimeouts.ticks(Duration.ofMillis(101)));
        assertEquals(9000, FlowTimeouts.ticks(Duration.ofSeconds(900)));
        assertEquals(65535, FlowTimeouts.ticks(FlowTimeouts.MAX));
        assertEquals(Duration.ofMillis(30_100), FlowTimeouts.ofTicks(301));
        assertEquals(12_500_000, FlowTimeouts.tickCycles(125_000_000));
        assertEquals(1, FlowTimeouts.tickCycles(10));
    }

    @Test
    void theLongestTimeoutIsWhatSixteenBitsOfTicksHold() throws ConfigException {
        assertEquals(Duration.ofMillis(6_553_500), parse("  flow_timeouts: {tcp: 6553.5s}\n").flowTimeouts().tcp());

        ConfigException e = error("  flow_timeouts:\n    tcp: 900s\n    udp: 6553.6s\n");
        assertEquals(List.of(5, 10, "switch.flow_timeouts.udp"), List.of(e.line(), e.column(), e.field()),
                e.getMessage());
        assertEquals("t.yaml:5:10: switch.flow_timeouts.udp: 6553.6s is longer than the hardware counts: at most"
                + " 6553.5s (65535 ticks of 100ms); give 0s for never", e.getMessage());

        IllegalArgumentException direct = assertThrows(IllegalArgumentException.class,
                () -> new FlowTimeouts(Duration.ofHours(2), Duration.ZERO, Duration.ZERO));
        assertEquals("tcp: 7200s is longer than the hardware counts: at most 6553.5s (65535 ticks of 100ms); give 0s"
                + " for never", direct.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new FlowTimeouts(Duration.ZERO, Duration.ofSeconds(-1), Duration.ZERO));
    }

    @Test
    void mistakesPointAtTheirLine() {
        ConfigException bare = error("  flow_timeouts: {udp: 300}\n");
        assertEquals("switch.flow_timeouts.udp", bare.field());
        assertTrue(bare.problem().contains("'300' is not a duration; expected a number with its unit"),
                bare.getMessage());

        ConfigException unknown = error("  flow_timeouts:\n    tcp_fin: 10s\n");
        assertEquals(List.of(4, 5, "switch.flow_timeouts.tcp_fin"), List.of(unknown.line(), unknown.column(),
                unknown.field()));
        assertTrue(unknown.problem().contains("allowed keys here: tcp, tcp_closing, udp"), unknown.getMessage());

        ConfigException slow = error("  clock_hz: 5\n");
        assertEquals(List.of(3, 13, "switch.clock_hz"), List.of(slow.line(), slow.column(), slow.field()),
                slow.getMessage());
        assertTrue(slow.problem().contains("5 is out of range; expected 10..1000000000"), slow.getMessage());

        ConfigException text = error("  clock_hz: 125MHz\n");
        assertTrue(text.problem().contains("expected a whole number in decimal"), text.getMessage());

        ConfigException misspelt = error("  clock: 125000000\n");
        assertTrue(misspelt.problem().contains("allowed keys here: mac, clock_hz, flow_timeouts"),
                misspelt.getMessage());
    }

    @Test
    void writtenOutTheyReadBackTheSame() throws ConfigException {
        SwitchConfig config = parse("  clock_hz: 156250000\n  flow_timeouts: {tcp: 3600s, tcp_closing: 0.5s,"
                + " udp: 0s}\n");
        String yaml = config.toYaml();
        assertTrue(yaml.contains("""
                  clock_hz: 156250000
                  flow_timeouts:
                    tcp: 3600s
                    tcp_closing: 500ms
                    udp: 0s
                """), yaml);
        assertEquals(config, SwitchConfig.parse(yaml, "written.yaml"));
        assertEquals(config.withAging(10, FlowTimeouts.NEVER), SwitchConfig.parse(
                config.withAging(10, FlowTimeouts.NEVER).toYaml(), "never.yaml"));
    }

    private static SwitchConfig parse(String switchSettings) throws ConfigException {
        return SwitchConfig.parse(HEAD + switchSettings + PORTS, "t.yaml");
    }

    private static ConfigException error(String switchSettings) {
        return assertThrows(ConfigException.class, () -> parse(switchSettings));
    }
}
