package flowswitch.sim.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.config.Ipv4Address;
import flowswitch.config.MacAddress;
import flowswitch.config.Protocol;
import flowswitch.config.ServerSlot;
import flowswitch.config.SwitchConfig;
import flowswitch.driver.api.FlowAging;
import flowswitch.driver.api.FlowKey;
import flowswitch.driver.api.FlowSwitchDevice;
import flowswitch.sim.device.SimulatedSwitch;
import flowswitch.sim.traffic.TcpFrames;
import flowswitch.sim.verilator.EgressFrame;
import flowswitch.sim.verilator.VerilatedModel;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schedulers through the generated Verilog with 100,000 connections per service, in a flow table that stores
 * them all: wrr and mh give each server its weight's share within one percentage point, lc keeps its equal-weight
 * servers within one connection of each other, the hardware's active connection counts match the connections each
 * server got, an mh connection the table lost keeps its server on the hash path, and the counts fall back to 0
 * after a flush, host deletes and aging.
 */
class SchedulerEvennessTest {
    private static final MacAddress ROUTER = MacAddress.parse("02:00:00:00:00:01");
    private static final int CONNECTIONS = 100_000;
    private static final int BATCH = 5000;
    private static final int FRAME_BYTES = 64;

    private static final String YAML = """
            hardware: {data_width: 64, ports: 4, max_servers: 16, max_services: 4, flow_table_size: 262144, mac_table_size: 16}
            switch: {mac: "02:00:00:00:00:fe"}
            ports: [{index: 0, role: uplink}, {index: 1, role: server}, {index: 2, role: server}, {index: 3, role: server}]
            services:
              - name: wrr
                vip: 192.31.65.1
                protocol: tcp
                port: 80
                scheduler: wrr
                servers:
                  - {name: a, mac: "02:00:00:00:01:01", port: 1, weight: 1}
                  - {name: b, mac: "02:00:00:00:01:02", port: 2, weight: 2}
                  - {name: c, mac: "02:00:00:00:01:03", port: 3, weight: 1}
              - name: mh
                vip: 192.31.65.2
                protocol: tcp
                port: 80
                scheduler: mh
                servers:
                  - {name: d, mac: "02:00:00:00:02:01", port: 1, weight: 1}
                  - {name: e, mac: "02:00:00:00:02:02", port: 2, weight: 2}
                  - {name: f, mac: "02:00:00:00:02:03", port: 3, weight: 1}
              - name: lc
                vip: 192.31.65.3
                protocol: tcp
                port: 80
                scheduler: lc
                servers:
                  - {name: g, mac: "02:00:00:00:03:01", port: 1, weight: 1}
                  - {name: h, mac: "02:00:00:00:03:02", port: 2, weight: 1}
                  - {name: i, mac: "02:00:00:00:03:03", port: 3, weight: 1}
            """;

    /** Connections by service, each with the server slot its frames reached. */
    private final List<Map<Integer, Integer>> servedBy = new ArrayList<>();
    private final Map<MacAddress, Integer> slotOfMac = new HashMap<>();
    private int sequence;

    @Test
    void schedulersShareAndCountConnectionsAsDocumented(@TempDir Path work) throws Exception {
        SwitchConfig cfg = SwitchConfig.parse(YAML, "evenness.yaml");
        for (ServerSlot slot : cfg.serverSlots()) slotOfMac.put(slot.server().mac(), slot.index());
        for (int s = 0; s < cfg.services().size(); s++) servedBy.add(new HashMap<>());
        try (SimulatedSwitch sw = SimulatedSwitch.start(cfg, work)) {
            VerilatedModel model = sw.model();
            FlowSwitchDevice device = sw.device();
            for (int p = 1; p < 4; p++) model.setReadyProbability(p, 0.9, p);
            Random random = new Random(4);
            List<Integer> order = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) order.add(c);
            // One service at a time, flushing between, so the 262144-entry table stores every connection (with
            // no room, an opening frame would take the pick by hash and lc would not count it).
            for (int service : List.of(0, 2, 1)) {
                Collections.shuffle(order, random);
                for (int batch = 0; batch < CONNECTIONS; batch += BATCH) {
                    for (int c : order.subList(batch, batch + BATCH)) model.pushFrame(0, frame(cfg, service, c, true));
                    drain(model, cfg);
                    if (service == 2) {
                        List<Long> counts = device.connections();
                        List<Long> lc = slotsOf(cfg, 2).stream().map(counts::get).toList();
                        assertTrue(Collections.max(lc) - Collections.min(lc) <= 1, "lc after " + (batch + BATCH) + ": "
                                + lc);
                    }
                }
                assertEquals(CONNECTIONS, servedBy.get(service).size(), "service " + service);
                assertEquals(perServer(cfg, service), device.connections(), "active connections: what each server got");
                if (service == 1) break;
                device.flowTable().flush();
                assertEquals(zeros(cfg), device.connections(), "after a flush");
            }
            assertShares(cfg, 0);
            assertShares(cfg, 1);

            device.flowTable().flush();
            assertEquals(zeros(cfg), device.connections(), "after a flush");

            // The table lost every connection: an ACK of one takes the hash path, which for mh is the Maglev entry.
            Map<Integer, Integer> before = Map.copyOf(servedBy.get(1));
            servedBy.get(1).clear();
            for (int batch = 0; batch < CONNECTIONS; batch += BATCH) {
                for (int c = batch; c < batch + BATCH; c++) model.pushFrame(0, frame(cfg, 1, c, false));
                drain(model, cfg);
            }
            assertEquals(before, servedBy.get(1), "every mh connection kept its server");
            List<Long> stored = perServer(cfg, 1);
            assertEquals(stored, device.connections(), "the lost connections, stored again by their ACKs");

            for (int c = 0; c < 1000; c++) {
                int slot = servedBy.get(1).remove(c);
                assertTrue(device.flowTable().delete(key(cfg, 1, c)).isPresent(), "connection " + c);
                stored.set(slot, stored.get(slot) - 1);
            }
            assertEquals(stored, device.connections(), "after 1000 host deletes");

            device.flowTable().setAging(new FlowAging(64, 1, 1, 1));
            model.step(400_000);
            assertEquals(0, device.flowTable().count().flows(), "every connection aged out");
            assertEquals(zeros(cfg), device.connections(), "after aging");
        }
    }

    private byte[] frame(SwitchConfig cfg, int service, int c, boolean syn) {
        return TcpFrames.segment(cfg.switchMac(), ROUTER, client(c), clientPort(c), cfg.services().get(service).vip(), 80,
                syn, FRAME_BYTES, sequence++);
    }

    private static FlowKey key(SwitchConfig cfg, int service, int c) {
        return new FlowKey(service, client(c), clientPort(c), 80, Protocol.TCP);
    }

    /** Runs until idle and records, per connection, the server its frames reached (always the same one). */
    private void drain(VerilatedModel model, SwitchConfig cfg) {
        assertTrue(model.runUntilIdle(50_000_000L) >= 0, "the switch went idle");
        for (int p = 1; p < 4; p++) {
            for (EgressFrame f : model.popFrames(p)) {
                byte[] d = f.data();
                int service = d[33] - 1;
                int slot = slotOfMac.get(new MacAddress(ByteBuffer.wrap(new byte[] {0, 0, d[0], d[1], d[2], d[3], d[4], d[5]})
                        .getLong()));
                long ip = ByteBuffer.wrap(d, 26, 4).getInt() & 0xFFFFFFFFL;
                int port = ((d[34] & 0xFF) << 8) | (d[35] & 0xFF);
                int c = (int) ((ip & 0xFFFF) >> 8) * 50_000 + port - 1024;
                Integer was = servedBy.get(service).putIfAbsent(c, slot);
                assertTrue(was == null || was == slot, "connection " + c + " of service " + service + " moved");
            }
        }
    }

    /** Each server's share of the service's connections is its share of the weights, within 0.01. */
    private void assertShares(SwitchConfig cfg, int service) {
        int total = cfg.services().get(service).servers().stream().mapToInt(s -> s.weight()).sum();
        for (ServerSlot slot : cfg.serverSlots()) {
            if (slot.serviceIndex() != service) continue;
            double share = servedBy.get(service).values().stream().filter(v -> v == slot.index()).count()
                    / (double) CONNECTIONS;
            double wanted = slot.server().weight() / (double) total;
            assertEquals(wanted, share, 0.01, cfg.services().get(service).name() + " server " + slot.server().name());
        }
    }

    /** Per server slot, the connections of {@code service} that reached it. */
    private List<Long> perServer(SwitchConfig cfg, int service) {
        List<Long> counts = zeros(cfg);
        for (int slot : servedBy.get(service).values()) counts.set(slot, counts.get(slot) + 1);
        return counts;
    }

    private static List<Long> zeros(SwitchConfig cfg) {
        return new ArrayList<>(Collections.nCopies(cfg.hardware().maxServers(), 0L));
    }

    private static List<Integer> slotsOf(SwitchConfig cfg, int service) {
        return cfg.serverSlots().stream().filter(s -> s.serviceIndex() == service).map(ServerSlot::index).toList();
    }

    private static Ipv4Address client(int c) {
        return new Ipv4Address(0x0A000000 | (c / 50_000) << 8);
    }

    private static int clientPort(int c) {
        return 1024 + c % 50_000;
    }
}
