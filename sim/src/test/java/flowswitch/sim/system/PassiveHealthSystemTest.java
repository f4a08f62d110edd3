package flowswitch.sim.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.config.Ipv4Address;
import flowswitch.config.MacAddress;
import flowswitch.config.SwitchConfig;
import flowswitch.driver.api.Counters;
import flowswitch.driver.api.FlowSwitchDevice;
import flowswitch.driver.regmap.Group;
import flowswitch.sim.device.SimulatedSwitch;
import flowswitch.sim.traffic.TcpFrames;
import flowswitch.sim.verilator.VerilatedModel;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passive health through the whole generated switch and its registers (docs/datapath.md "Passive health"): two
 * servers get client SYNs; a answers each with a SYN-ACK, b answers none. With windows running, b is flagged
 * suspect and counted, a is not; once b answers too, its flag clears at the next window.
 */
class PassiveHealthSystemTest {
    private static final MacAddress ROUTER = MacAddress.parse("02:00:00:00:00:01");
    private static final Ipv4Address VIP = Ipv4Address.parse("192.31.65.1");
    private static final MacAddress A = MacAddress.parse("02:00:00:00:01:01");
    private static final MacAddress B = MacAddress.parse("02:00:00:00:01:02");
    private static final long WINDOW = 4000;

    @Test
    void aServerThatLeavesSynsUnansweredIsFlaggedSuspect(@TempDir Path work) throws Exception {
        SwitchConfig cfg = SwitchConfig.parse("""
                hardware: {data_width: 64, ports: 4, max_servers: 4, max_services: 1, flow_table_size: 1024, mac_table_size: 16}
                switch: {mac: "02:00:00:00:00:fe"}
                ports: [{index: 0, role: uplink}, {index: 1, role: server}, {index: 2, role: server}, {index: 3, role: server}]
                services:
                  - name: web
                    vip: 192.31.65.1
                    protocol: tcp
                    port: 80
                    scheduler: rr
                    servers:
                      - {name: a, mac: "02:00:00:00:01:01", port: 1}
                      - {name: b, mac: "02:00:00:00:01:02", port: 2}
                """, "passive.yaml");
        try (SimulatedSwitch sw = SimulatedSwitch.start(cfg, work)) {
            VerilatedModel model = sw.model();
            FlowSwitchDevice device = sw.device();
            device.setPassiveHealth(WINDOW, 3);
            // Windows end every WINDOW clocks from the write; the flags are read just after the second one ends.
            long windowsFrom = model.cycles();
            int client = traffic(model, cfg, 0, false, windowsFrom + 2 * WINDOW + 300);
            assertEquals(Set.of(1), device.suspectServers(), "b left its SYNs unanswered");
            drain(model);
            Counters c = device.counters();
            assertTrue(c.get(Group.SERVER, 1, "suspects") > 0, "b's suspect windows were counted");
            assertEquals(0, c.get(Group.SERVER, 0, "suspects"));
            assertEquals(c.get(Group.SERVER, 0, "syns"), c.get(Group.SERVER, 0, "syn_acks"), "a answered every SYN");
            assertTrue(c.get(Group.SERVER, 1, "syns") > 20);
            assertEquals(0, c.get(Group.SERVER, 1, "syn_acks"));

            traffic(model, cfg, client, true, model.cycles() + 2 * WINDOW);
            assertEquals(Set.of(), device.suspectServers(), "b answers now: its flag cleared at the window's end");
        }
    }

    /** New connections until clock {@code until}, one every 100 clocks, answered by a, and by b if {@code bAnswers}. */
    private static int traffic(VerilatedModel model, SwitchConfig cfg, int firstClient, boolean bAnswers, long until) {
        int client = firstClient;
        for (; model.cycles() < until; client++) {
            model.pushFrame(0, TcpFrames.segment(cfg.switchMac(), ROUTER, Ipv4Address.parse("10.0.0.1"),
                    1024 + client, VIP, 80, true, 64, client));
            model.step(50);
            // rr alternates: even clients go to a (slot 0), odd ones to b (slot 1).
            MacAddress server = client % 2 == 0 ? A : B;
            if (server.equals(A) || bAnswers) {
                model.pushFrame(client % 2 == 0 ? 1 : 2, synAck(server, 1024 + client));
            }
            model.step(50);
        }
        return client;
    }

    private static void drain(VerilatedModel model) {
        assertTrue(model.runUntilIdle(1_000_000L) >= 0, "the switch went idle");
        for (int p = 0; p < 4; p++) model.popFrames(p);
    }

    /** The server's SYN-ACK from the VIP: a SYN with ACK added (the flags at byte 14 + 20 + 13). */
    private static byte[] synAck(MacAddress server, int clientPort) {
        byte[] frame = TcpFrames.segment(ROUTER, server, VIP, 80, Ipv4Address.parse("10.0.0.1"), clientPort, true, 64,
                clientPort);
        frame[47] |= 0x10;
        return frame;
    }
}
