package flowswitch.sim.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.config.Ipv4Address;
import flowswitch.config.MacAddress;
import flowswitch.config.ServerState;
import flowswitch.config.SwitchConfig;
import flowswitch.driver.api.FlowSwitchDevice;
import flowswitch.driver.api.ServerEntry;
import flowswitch.sim.device.SimulatedSwitch;
import flowswitch.sim.traffic.TcpFrames;
import flowswitch.sim.verilator.EgressFrame;
import flowswitch.sim.verilator.VerilatedModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Per-connection consistency through the generated Verilog (issue 4): thousands of connections keep sending while
 * the pool changes many times (servers added, removed, re-weighted, drained, taken down and brought back up), each
 * change written through the registers while frames are still in the switch. Every segment of a connection whose
 * server stayed in service (up or draining) reaches that server, in the round before each change and the round
 * after it; only the connections of a server removed or taken down move, each to a server in service.
 */
class PoolChangeConsistencyTest {
    private static final MacAddress ROUTER = MacAddress.parse("02:00:00:00:00:01");
    private static final Ipv4Address VIP = Ipv4Address.parse("192.31.65.1");
    private static final int SLOTS = 8;
    private static final int CHANGES = 24;

    private static SwitchConfig config(String scheduler) throws Exception {
        return SwitchConfig.parse("""
                hardware: {data_width: 64, ports: 4, max_servers: 8, max_services: 1, flow_table_size: 16384, mac_table_size: 16}
                switch: {mac: "02:00:00:00:00:fe"}
                ports: [{index: 0, role: uplink}, {index: 1, role: server}, {index: 2, role: server}, {index: 3, role: server}]
                services:
                  - name: web
                    vip: 192.31.65.1
                    protocol: tcp
                    port: 80
                    scheduler: %s
                    servers:
                      - {name: s0, mac: "02:00:00:00:01:00", port: 1, weight: 1}
                      - {name: s1, mac: "02:00:00:00:01:01", port: 2, weight: 2}
                      - {name: s2, mac: "02:00:00:00:01:02", port: 3, weight: 3}
                      - {name: s3, mac: "02:00:00:00:01:03", port: 1, weight: 1}
                """.formatted(scheduler), "consistency.yaml");
    }

    /** Server slot k has MAC 02:00:00:00:01:0k, on port 1 + k % 3. */
    private static ServerEntry server(int slot, int weight, ServerState state) {
        return new ServerEntry(true, 0, new MacAddress(0x0200_0000_0100L + slot), 1 + slot % 3, weight, state);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"wrr", "rr"})
    void flowsOfServersInServiceNeverMove(String scheduler, @TempDir Path work) throws Exception {
        SwitchConfig cfg = config(scheduler);
        Random random = new Random(scheduler.hashCode());
        int connections = 3000;
        try (SimulatedSwitch sw = SimulatedSwitch.start(cfg, work)) {
            VerilatedModel model = sw.model();
            FlowSwitchDevice device = sw.device();
            for (int p = 1; p < 4; p++) model.setReadyProbability(p, 0.7, p);
            List<ServerEntry> pool = new ArrayList<>(device.servers());
            Map<Integer, Integer> serverOf = new HashMap<>();
            int sequence = 0;
            int moved = 0;
            Set<String> kinds = new HashSet<>();

            sequence = round(model, cfg, connections, 0, random, sequence, serverOf, pool, Set.of());
            for (int change = 0; change < CHANGES; change++) {
                // Half the next round goes in before the change, so frames are in the switch while it lands.
                int slot = random.nextInt(SLOTS);
                ServerEntry was = pool.get(slot);
                ServerEntry next;
                String kind;
                if (!was.valid()) {
                    next = server(slot, 1 + random.nextInt(4), ServerState.UP);
                    kind = "add";
                } else {
                    switch (random.nextInt(5)) {
                        case 0 -> { next = ServerEntry.EMPTY; kind = "remove"; }
                        case 1 -> { next = was.withState(ServerState.DOWN); kind = "down"; }
                        case 2 -> { next = was.withState(ServerState.DRAIN); kind = "drain"; }
                        case 3 -> { next = was.withState(ServerState.UP); kind = "up"; }
                        default -> { next = was.withWeight(random.nextInt(5)); kind = "weight"; }
                    }
                }
                List<ServerEntry> after = new ArrayList<>(pool);
                after.set(slot, next);
                if (after.stream().noneMatch(PoolChangeConsistencyTest::takesNewFlows)) {
                    continue; // one server keeps taking new connections, so no segment is dropped as no_server
                }
                kinds.add(kind);
                int pushed = pushHalf(model, cfg, connections, random, sequence);
                sequence += pushed;
                device.writeServer(slot, next);
                Set<Integer> left = inService(was) && !inService(next) ? Set.of(slot) : Set.of();
                pool.set(slot, next);
                moved += collect(model, serverOf, pool, left, pushed);
                sequence = round(model, cfg, connections, connections, random, sequence, serverOf, pool, left);
                // New connections join after every change, so the flows in the table come from many pools.
                connections += 100;
            }
            assertTrue(kinds.containsAll(Set.of("add", "remove", "down", "drain", "weight")), "changes made: " + kinds);
            assertTrue(moved > 0, "connections of removed or downed servers moved");
            assertEquals(connections, serverOf.size(), "every connection reached a server");
        }
    }

    private static boolean inService(ServerEntry e) {
        return e.valid() && (e.state() == ServerState.UP || e.state() == ServerState.DRAIN);
    }

    private static boolean takesNewFlows(ServerEntry e) {
        return e.valid() && e.state() == ServerState.UP && e.weight() > 0;
    }

    /** Half the connections send one segment (no SYN); returns how many. */
    private static int pushHalf(VerilatedModel model, SwitchConfig cfg, int connections, Random random, int sequence) {
        int pushed = 0;
        for (int c = 0; c < connections; c += 2) {
            model.pushFrame(0, segment(cfg, c, false, sequence + pushed++));
        }
        return pushed;
    }

    /**
     * Every connection sends one segment (connections from {@code opened} on open with a SYN), in random order;
     * then every forwarded segment is checked.
     */
    private static int round(VerilatedModel model, SwitchConfig cfg, int connections, int opened, Random random,
                             int sequence, Map<Integer, Integer> serverOf, List<ServerEntry> pool, Set<Integer> left) {
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < connections + (opened > 0 ? 100 : 0); c++) order.add(c);
        Collections.shuffle(order, random);
        for (int c : order) model.pushFrame(0, segment(cfg, c, opened == 0 || c >= opened, sequence++));
        collect(model, serverOf, pool, left, order.size());
        return sequence;
    }

    /**
     * Runs until the switch is idle and checks each segment against its connection's server; returns how many
     * connections moved (only from a server in {@code left}, and only to one in service).
     */
    private static int collect(VerilatedModel model, Map<Integer, Integer> serverOf, List<ServerEntry> pool,
                               Set<Integer> left, int expected) {
        assertTrue(model.runUntilIdle(50_000_000L) >= 0, "the switch went idle");
        int received = 0;
        int moved = 0;
        for (int p = 1; p < 4; p++) {
            for (EgressFrame f : model.popFrames(p)) {
                received++;
                int slot = slotOf(f.data());
                // A segment decided just before a change may still reach the server that left.
                assertTrue(inService(pool.get(slot)) || left.contains(slot), "a segment went to slot " + slot
                        + ", which is not in service: " + pool.get(slot));
                int connection = connection(f.data());
                Integer before = serverOf.put(connection, slot);
                if (before != null && before != slot) {
                    assertTrue(left.contains(before), "connection " + connection + " moved from slot " + before
                            + " (still in service: " + pool.get(before) + ") to slot " + slot);
                    moved++;
                }
            }
        }
        assertEquals(expected, received, "every segment was forwarded");
        return moved;
    }

    /** The server slot whose MAC (02:00:00:00:01:0k, {@link #server}) the segment was sent to. */
    private static int slotOf(byte[] frame) {
        long mac = ((frame[0] & 0xffL) << 40) | ((frame[1] & 0xffL) << 32) | ((frame[2] & 0xffL) << 24)
                | ((frame[3] & 0xffL) << 16) | ((frame[4] & 0xffL) << 8) | (frame[5] & 0xff);
        long slot = mac - 0x0200_0000_0100L;
        assertTrue(slot >= 0 && slot < SLOTS, "a segment went to " + new MacAddress(mac) + ", no server's MAC");
        return (int) slot;
    }

    private static byte[] segment(SwitchConfig cfg, int connection, boolean syn, int sequence) {
        return TcpFrames.segment(cfg.switchMac(), ROUTER, new Ipv4Address(0x0A00_0000 | connection >>> 14 << 8),
                1024 + (connection & 0x3FFF), VIP, 80, syn, 64, sequence);
    }

    /** The connection of a forwarded segment: client address and port (source IP at 26, source port at 34). */
    private static int connection(byte[] frame) {
        int subnet = frame[28] & 0xff;
        int port = ((frame[34] & 0xff) << 8 | (frame[35] & 0xff)) - 1024;
        return subnet << 14 | port;
    }
}
