package flowswitch.sim.system;

import static org.junit.jupiter.api.Assertions.*;

import flowswitch.config.RouterState;
import flowswitch.config.ServerState;
import flowswitch.config.SwitchConfig;
import flowswitch.driver.api.FlowSwitchDevice;
import flowswitch.driver.api.CounterValue;
import flowswitch.sim.device.SimulatedSwitch;
import flowswitch.sim.golden.CounterId;
import flowswitch.sim.golden.Counters;
import flowswitch.sim.golden.DropReason;
import flowswitch.sim.golden.FlowCounter;
import flowswitch.sim.golden.PortCounter;
import flowswitch.sim.golden.RouterCounter;
import flowswitch.sim.golden.ServerCounter;
import flowswitch.sim.golden.ServiceCounter;
import flowswitch.sim.golden.Egress;
import flowswitch.sim.golden.GoldenModel;
import flowswitch.sim.traffic.TrafficFrame;
import flowswitch.sim.traffic.TrafficGenerator;
import flowswitch.sim.traffic.TrafficMix;
import flowswitch.sim.traffic.TrafficOptions;
import flowswitch.sim.verilator.VerilatedModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated Verilog, running under Verilator, against the golden model, frame by frame: every frame of a
 * realistic mix (many connections, every size 60..1518, VLAN tags, IP options, fragments, malformed headers,
 * ARP, ARP for the VIPs from routers and servers, non-IP, server replies, frames with late errors) must leave on
 * exactly the ports the model says, with exactly the model's bytes, aborted (tuser on the last beat) exactly when the
 * model aborts them, in order per ingress port, under random backpressure on every output; then every counter must
 * agree. The same holds with routers and servers going down between rounds of traffic (router failover, the
 * down-server policy).
 */
class GoldenComparisonTest {

    static Stream<String> configs() {
        return Stream.of(
                // 64-bit, one uplink, weights 3:1:2. The table stays under a quarter full: where its rows run out is
                // the RTL's own (TableOverflowTest covers a full one).
                """
                hardware: {data_width: 64, ports: 4, max_servers: 4, max_services: 2, flow_table_size: 512, mac_table_size: 16}
                switch: {mac: "02:00:00:00:00:fe"}
                ports: [{index: 0, role: uplink}, {index: 1, role: server}, {index: 2, role: server}, {index: 3, role: server}]
                services:
                  - name: web
                    vip: 192.31.65.1
                    protocol: tcp
                    port: 80
                    scheduler: wrr
                    servers:
                      - {name: a, mac: "02:00:00:00:01:01", port: 1, weight: 3}
                      - {name: b, mac: "02:00:00:00:01:02", port: 2, weight: 1}
                      - {name: c, mac: "02:00:00:00:01:03", port: 3, weight: 2}
                """,
                // 256-bit, two uplinks, a TCP service on any port and a UDP service, rr.
                """
                hardware: {data_width: 256, ports: 4, max_servers: 8, max_services: 2, flow_table_size: 256, mac_table_size: 32}
                switch: {mac: "02:00:00:00:00:fe"}
                ports: [{index: 0, role: uplink}, {index: 1, role: uplink}, {index: 2, role: server}, {index: 3, role: server}]
                services:
                  - name: any
                    vip: 192.31.65.1
                    protocol: tcp
                    scheduler: rr
                    servers:
                      - {name: a, mac: "02:00:00:00:01:01", port: 2}
                      - {name: b, mac: "02:00:00:00:01:02", port: 3}
                  - name: dns
                    vip: 192.31.65.2
                    protocol: udp
                    port: 53
                    scheduler: wrr
                    servers:
                      - {name: c, mac: "02:00:00:00:02:01", port: 2, weight: 2}
                      - {name: d, mac: "02:00:00:00:02:02", port: 3, weight: 1}
                """,
                // 64-bit, the schedulers that follow the flow table and the Maglev table: lc (whose weights play no
                // part), wlc 3:1, and mh over TCP, so lost connections take its hash path.
                """
                hardware: {data_width: 64, ports: 4, max_servers: 8, max_services: 4, flow_table_size: 1024, mac_table_size: 16}
                switch: {mac: "02:00:00:00:00:fe"}
                ports: [{index: 0, role: uplink}, {index: 1, role: server}, {index: 2, role: server}, {index: 3, role: server}]
                services:
                  - name: least
                    vip: 192.31.65.1
                    protocol: tcp
                    port: 80
                    scheduler: lc
                    servers:
                      - {name: a, mac: "02:00:00:00:01:01", port: 1, weight: 5}
                      - {name: b, mac: "02:00:00:00:01:02", port: 2, weight: 1}
                      - {name: c, mac: "02:00:00:00:01:03", port: 3, weight: 1}
                  - name: weighted
                    vip: 192.31.65.2
                    protocol: tcp
                    port: 443
                    scheduler: wlc
                    servers:
                      - {name: d, mac: "02:00:00:00:02:01", port: 2, weight: 3}
                      - {name: e, mac: "02:00:00:00:02:02", port: 3, weight: 1}
                  - name: maglev
                    vip: 192.31.65.3
                    protocol: tcp
                    port: 8080
                    scheduler: mh
                    servers:
                      - {name: f, mac: "02:00:00:00:03:01", port: 1, weight: 2}
                      - {name: g, mac: "02:00:00:00:03:02", port: 2, weight: 1}
                      - {name: h, mac: "02:00:00:00:03:03", port: 3, weight: 1}
                """);
    }

    @ParameterizedTest
    @MethodSource("configs")
    void rtlMatchesGoldenModel(String yaml, @org.junit.jupiter.api.io.TempDir Path work) throws Exception {
        SwitchConfig cfg = SwitchConfig.parse(yaml, "test.yaml");
        List<TrafficFrame> traffic = traffic(cfg);
        GoldenModel golden = new GoldenModel(cfg);
        try (SimulatedSwitch sw = start(cfg, work)) {
            assertSameOutput(sw.model(), golden, traffic, cfg.hardware().ports());
            Counters hardware = fromDevice(sw.device().counters());
            assertEquals(List.of(), golden.counters().differences(hardware), "counters: golden vs RTL");
            assertEquals(golden.connections(), sw.device().connections(), "active connections per server slot");
            assertTraffic(cfg, hardware);
        }
    }

    /**
     * A router pool and a service that drops a down server's connections: the same traffic three times, with the
     * pool changed through the registers in between (the same changes made to the model). First one router is down
     * (failover to a learned router and to one never learned, which floods the uplinks); then a server of each
     * service and a second router go down (refused and reassigned connections, one router left); then every router
     * is down (no_router).
     */
    @Test
    void routerFailoverAndTheDownServerPolicyMatchGoldenModel(@org.junit.jupiter.api.io.TempDir Path work)
            throws Exception {
        SwitchConfig cfg = SwitchConfig.parse("""
                hardware: {data_width: 64, ports: 4, max_servers: 4, max_services: 2, flow_table_size: 512, mac_table_size: 16, max_routers: 4}
                switch: {mac: "02:00:00:00:00:fe"}
                ports: [{index: 0, role: uplink}, {index: 1, role: uplink}, {index: 2, role: server}, {index: 3, role: server}]
                services:
                  - name: web
                    vip: 192.31.65.1
                    protocol: tcp
                    port: 80
                    on_server_down: drop
                    servers:
                      - {name: a, mac: "02:00:00:00:01:01", port: 2}
                      - {name: b, mac: "02:00:00:00:01:02", port: 3}
                  - name: dns
                    vip: 192.31.65.2
                    protocol: udp
                    port: 53
                    servers:
                      - {name: c, mac: "02:00:00:00:02:01", port: 2}
                      - {name: d, mac: "02:00:00:00:02:02", port: 3}
                routers:
                  - {name: r1, mac: "02:00:00:00:09:01"}
                  - {name: r2, mac: "02:00:00:00:09:02", state: down}
                  - {name: r3, mac: "02:00:00:00:09:03"}
                """, "routers.yaml");
        List<TrafficFrame> traffic = traffic(cfg);
        GoldenModel golden = new GoldenModel(cfg);
        try (SimulatedSwitch sw = start(cfg, work)) {
            FlowSwitchDevice device = sw.device();
            int ports = cfg.hardware().ports();
            assertSameOutput(sw.model(), golden, traffic, ports);
            Counters first = fromDevice(device.counters());
            assertTrue(first.router(1, RouterCounter.FAILOVERS) > 0, "frames for r2 (down) failed over");
            assertTrue(first.router(0, RouterCounter.TAKEOVERS) > 0, "r1 (learned) took some");
            assertTrue(first.router(2, RouterCounter.TAKEOVERS) > 0, "r3 (never learned) took some");

            for (int server : new int[] {1, 3}) {
                device.setServerState(server, ServerState.DOWN);
                golden.setServerState(server, ServerState.DOWN);
            }
            device.setRouterState(0, RouterState.DOWN);
            golden.setRouterState(0, RouterState.DOWN);
            assertSameOutput(sw.model(), golden, traffic, ports);
            Counters second = fromDevice(device.counters());
            assertTrue(second.drop(DropReason.SERVER_DOWN) > 0, "web refused b's connections");
            assertTrue(second.flow(FlowCounter.REASSIGNS) > 0, "dns moved d's connections");
            assertEquals(first.router(2, RouterCounter.TAKEOVERS) + second.router(0, RouterCounter.FAILOVERS)
                    + second.router(1, RouterCounter.FAILOVERS) - first.router(1, RouterCounter.FAILOVERS),
                    second.router(2, RouterCounter.TAKEOVERS), "r3 took every failed-over frame");

            device.setRouterState(2, RouterState.DOWN);
            golden.setRouterState(2, RouterState.DOWN);
            assertSameOutput(sw.model(), golden, traffic, ports);
            Counters hardware = fromDevice(device.counters());
            assertTrue(hardware.drop(DropReason.NO_ROUTER) > 0, "no router left");
            assertEquals(List.of(), golden.counters().differences(hardware), "counters: golden vs RTL");
        }
    }

    private static List<TrafficFrame> traffic(SwitchConfig cfg) {
        return TrafficGenerator.generate(cfg, TrafficOptions.defaults().withSeed(7).withFlowsPerService(60)
                .withPacketsPerFlow(4).withMix(TrafficMix.defaults()));
    }

    /** Random backpressure on every output. */
    private static SimulatedSwitch start(SwitchConfig cfg, Path work) {
        SimulatedSwitch sw = SimulatedSwitch.start(cfg, work);
        sw.model().setSerial(true);
        for (int p = 0; p < cfg.hardware().ports(); p++) sw.model().setReadyProbability(p, 0.6, 100 + p);
        return sw;
    }

    /** {@code traffic} through the RTL and the model: the same frames leave each port, in order per ingress port. */
    private static void assertSameOutput(VerilatedModel model, GoldenModel golden, List<TrafficFrame> traffic,
                                         int ports) {
        List<List<String>> expected = new ArrayList<>();
        List<Map<String, Integer>> ingressOf = new ArrayList<>();
        for (int p = 0; p < ports; p++) {
            expected.add(new ArrayList<>());
            ingressOf.add(new HashMap<>());
        }
        for (TrafficFrame f : traffic) {
            for (Egress e : golden.process(f.ingressPort(), f.frame(), f.rxError())) {
                String key = key(e.frame(), e.aborted());
                expected.get(e.port()).add(key);
                ingressOf.get(e.port()).put(key, f.ingressPort());
            }
        }
        for (TrafficFrame f : traffic) model.pushFrame(f.ingressPort(), f.frame(), f.rxError());
        assertTrue(model.runUntilIdle(20_000_000L) >= 0, "the switch went idle");
        for (int p = 0; p < ports; p++) {
            List<String> actual = model.popFrames(p).stream().map(f -> key(f.data(), f.aborted())).toList();
            assertSameFramesInOrderPerIngress(p, expected.get(p), actual, ingressOf.get(p));
        }
    }

    /** The traffic reached every path the comparison is meant to cover, so agreement means something. */
    private static void assertTraffic(SwitchConfig cfg, Counters c) {
        for (var slot : cfg.serverSlots()) {
            assertTrue(c.server(slot.index(), ServerCounter.NEW_FLOWS) > 0, "server " + slot.server().name() + " got flows");
        }
        assertTrue(c.flow(FlowCounter.HITS) > 0, "known connections");
        assertTrue(cfg.serverSlots().stream().anyMatch(slot -> c.server(slot.index(), ServerCounter.SYNS) > 0
                && c.server(slot.index(), ServerCounter.SYN_ACKS) > 0), "SYNs and SYN-ACKs were counted per server");
        assertTrue(c.drop(DropReason.PARSE_ERROR) > 0, "malformed frames were rejected");
        assertTrue(c.drop(DropReason.RX_ERROR) > 0, "frames the MAC marked bad were aborted");
        assertTrue(c.drop(DropReason.OVERSIZE) > 0, "oversize frames were aborted");
        assertTrue(c.drop(DropReason.NO_SERVICE) > 0, "frames for the switch outside any service");
        assertTrue(IntStream.range(0, cfg.services().size()).mapToLong(s -> c.service(s, ServiceCounter.ARP_REPLIES))
                .sum() > 0, "ARP requests for a VIP were answered");
        assertTrue(c.drop(DropReason.VIP_ARP) > 0, "a server's ARP about a VIP was kept from the uplinks");
        for (int p = 0; p < cfg.hardware().ports(); p++) {
            assertTrue(c.port(p, PortCounter.TX_PACKETS) > 0, "port " + p + " sent frames");
        }
    }

    /** Same multiset of frames on the port, and the frames of each ingress port in the model's order. */
    private static void assertSameFramesInOrderPerIngress(int port, List<String> expected, List<String> actual,
                                                          Map<String, Integer> ingressOf) {
        Map<Integer, List<String>> want = new LinkedHashMap<>();
        Map<Integer, List<String>> got = new LinkedHashMap<>();
        for (String f : expected) want.computeIfAbsent(ingressOf.get(f), k -> new ArrayList<>()).add(f);
        for (String f : actual) {
            Integer in = ingressOf.get(f);
            assertNotNull(in, "port " + port + " sent a frame the model does not send there: " + f);
            got.computeIfAbsent(in, k -> new ArrayList<>()).add(f);
        }
        assertEquals(expected.size(), actual.size(), "frames out of port " + port);
        for (var e : want.entrySet()) {
            assertEquals(e.getValue(), got.getOrDefault(e.getKey(), List.of()),
                    "frames from ingress " + e.getKey() + " out of port " + port);
        }
    }

    private static Counters fromDevice(flowswitch.driver.api.Counters c) {
        Map<CounterId, Long> values = new LinkedHashMap<>();
        for (CounterValue v : c.values()) values.put(CounterId.fromJson(v.group().jsonName(), v.index(), v.name()), v.value());
        return new Counters(values, c.flowOccupancy(), c.macOccupancy());
    }

    /** A frame as compared: its bytes, and whether it left aborted. */
    private static String key(byte[] frame, boolean aborted) {
        return HexFormat.of().formatHex(frame) + (aborted ? " (aborted)" : "");
    }
}
