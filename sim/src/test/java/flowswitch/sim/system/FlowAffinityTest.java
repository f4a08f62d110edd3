package flowswitch.sim.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.config.Ipv4Address;
import flowswitch.config.MacAddress;
import flowswitch.config.SwitchConfig;
import flowswitch.driver.api.Counters;
import flowswitch.driver.regmap.Group;
import flowswitch.sim.device.SimulatedSwitch;
import flowswitch.sim.traffic.TcpFrames;
import flowswitch.sim.verilator.EgressFrame;
import flowswitch.sim.verilator.VerilatedModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every segment of a connection reaches one server, through the generated Verilog: with more connections than the
 * flow table holds (unstored ones take the hash pick, and keep it when they are stored later), and with 100,000
 * connections in a 64K table. Connections open with a SYN and go on with ACKs, interleaved at random.
 */
class FlowAffinityTest {
    private static final MacAddress ROUTER = MacAddress.parse("02:00:00:00:00:01");
    private static final Ipv4Address VIP = Ipv4Address.parse("192.31.65.1");
    private static final int FRAME_BYTES = 64;

    private static SwitchConfig config(int tableSize) throws Exception {
        return SwitchConfig.parse("""
                hardware: {data_width: 64, ports: 4, max_servers: 4, max_services: 1, flow_table_size: %d, mac_table_size: 16}
                switch: {mac: "02:00:00:00:00:fe"}
                ports: [{index: 0, role: uplink}, {index: 1, role: server}, {index: 2, role: server}, {index: 3, role: server}]
                services:
                  - name: web
                    vip: 192.31.65.1
                    protocol: tcp
                    port: 80
                    scheduler: wrr
                    servers:
                      - {name: a, mac: "02:00:00:00:01:01", port: 1, weight: 1}
                      - {name: b, mac: "02:00:00:00:01:02", port: 2, weight: 2}
                      - {name: c, mac: "02:00:00:00:01:03", port: 3, weight: 1}
                """.formatted(tableSize), "affinity.yaml");
    }

    @ParameterizedTest(name = "{1} connections, table of {0}")
    @CsvSource({"16, 400, 4", "65536, 100000, 3"})
    void everySegmentOfAConnectionReachesOneServer(int tableSize, int connections, int segments, @TempDir Path work)
            throws Exception {
        SwitchConfig cfg = config(tableSize);
        Random random = new Random(connections);
        Map<Long, Integer> serverPort = new HashMap<>();
        int sent = 0;
        int received = 0;
        try (SimulatedSwitch sw = SimulatedSwitch.start(cfg, work)) {
            VerilatedModel model = sw.model();
            for (int p = 1; p < 4; p++) model.setReadyProbability(p, 0.9, p);
            for (int round = 0; round < segments; round++) {
                List<Integer> order = new ArrayList<>();
                for (int c = 0; c < connections; c++) order.add(c);
                Collections.shuffle(order, random);
                for (int batch = 0; batch < connections; batch += 5000) {
                    for (int c : order.subList(batch, Math.min(connections, batch + 5000))) {
                        model.pushFrame(0, TcpFrames.segment(cfg.switchMac(), ROUTER, client(c), clientPort(c), VIP, 80,
                                round == 0, FRAME_BYTES, sent++));
                    }
                    assertTrue(model.runUntilIdle(50_000_000L) >= 0, "the switch went idle");
                    for (int p = 1; p < 4; p++) {
                        for (EgressFrame f : model.popFrames(p)) {
                            Integer before = serverPort.putIfAbsent(connection(f.data()), p);
                            assertTrue(before == null || before == p, "connection " + connection(f.data())
                                    + " went to port " + before + " and then to port " + p);
                            received++;
                        }
                    }
                }
            }
            assertEquals(sent, received, "every segment was forwarded");
            assertEquals(connections, serverPort.size());
            Counters c = sw.device().counters();
            long misses = c.get(Group.FLOW, -1, "misses");
            assertEquals(misses, c.get(Group.FLOW, -1, "inserts") + c.get(Group.FLOW, -1, "insert_fail"));
            if (connections > tableSize) {
                assertTrue(c.get(Group.FLOW, -1, "insert_fail") > 0, "the table overflowed");
            } else {
                assertEquals(connections, c.get(Group.FLOW, -1, "inserts"), "every connection was stored");
            }
        }
    }

    private static Ipv4Address client(int c) {
        return new Ipv4Address(0x0A000000 | (c / 50_000) << 8);
    }

    private static int clientPort(int c) {
        return 1024 + c % 50_000;
    }

    /** Client address and port of a forwarded segment (IPv4 without options: source IP at 26, source port at 34). */
    private static long connection(byte[] frame) {
        long ip = ((frame[26] & 0xffL) << 24) | ((frame[27] & 0xff) << 16) | ((frame[28] & 0xff) << 8) | (frame[29] & 0xff);
        return ip << 16 | ((frame[34] & 0xff) << 8) | (frame[35] & 0xff);
    }
}
