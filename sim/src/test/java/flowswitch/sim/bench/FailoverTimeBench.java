package flowswitch.sim.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.config.HealthCheck;
import flowswitch.config.Ipv4Address;
import flowswitch.config.MacAddress;
import flowswitch.config.ServerState;
import flowswitch.config.SwitchConfig;
import flowswitch.sim.device.SimulatedSwitch;
import flowswitch.sim.traffic.TcpFrames;
import flowswitch.sim.verilator.EgressFrame;
import flowswitch.sim.verilator.VerilatedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's failover time, in simulation: new connections (a SYN every {@link #GAP} clocks) spread over two
 * servers; then server a is marked down through the registers, as `fsctl health` does after `fall` failed checks.
 * Measured in clocks from the start of that register write to the first new connection that avoids a at the
 * egress, and the register write alone. The whole failover is then {@code fall × interval} of the health checks
 * (the time to notice) plus this. The results go to {@link #REPORT}:
 * <pre>
 * mvn -q -B -o -pl sim test -Dsurefire.excludedGroups= -Dgroups=bench -Dtest=FailoverTimeBench
 * cat sim/target/bench/failover-time.md
 * </pre>
 */
@Tag("bench")
class FailoverTimeBench {
    private static final Path REPORT = Path.of("target", "bench", "failover-time.md");
    private static final MacAddress ROUTER = MacAddress.parse("02:00:00:00:00:01");
    private static final Ipv4Address VIP = Ipv4Address.parse("192.31.65.1");
    private static final int GAP = 32;
    private static final int BEFORE = 200;
    private static final int AFTER = 200;

    @Test
    void fromMarkedDownToTheFirstNewConnectionThatAvoidsTheServer(@TempDir Path work) throws Exception {
        SwitchConfig cfg = SwitchConfig.parse("""
                hardware: {data_width: 64, ports: 4, max_servers: 4, max_services: 1, flow_table_size: 1024, mac_table_size: 16}
                switch: {mac: "02:00:00:00:00:fe"}
                ports: [{index: 0, role: uplink}, {index: 1, role: server}, {index: 2, role: server}, {index: 3, role: server}]
                services:
                  - name: web
                    vip: 192.31.65.1
                    protocol: tcp
                    port: 80
                    scheduler: wrr
                    servers:
                      - {name: a, mac: "02:00:00:00:01:01", port: 1, weight: 65535}
                      - {name: b, mac: "02:00:00:00:01:02", port: 2, weight: 1}
                """, "failover.yaml");
        try (SimulatedSwitch sw = SimulatedSwitch.start(cfg, work)) {
            VerilatedModel model = sw.model();
            List<Long> pushedAt = new ArrayList<>();
            int client = 0;
            for (int i = 0; i < BEFORE; i++, client++) {
                pushedAt.add(model.cycles());
                model.pushFrame(0, syn(cfg, client));
                model.step(GAP);
            }
            long writeStart = model.cycles();
            sw.device().setServerState(0, ServerState.DOWN);
            long writeEnd = model.cycles();
            for (int i = 0; i < AFTER; i++, client++) {
                pushedAt.add(model.cycles());
                model.pushFrame(0, syn(cfg, client));
                model.step(GAP);
            }
            assertTrue(model.runUntilIdle(10_000_000L) >= 0, "the switch went idle");

            List<EgressFrame> toA = model.popFrames(1);
            long lastToA = toA.stream().mapToLong(f -> pushedAt.get(clientOf(f))).max().orElseThrow();
            assertTrue(lastToA < writeEnd, "no connection that came after the write went to a");
            EgressFrame firstAvoiding = model.popFrames(2).stream().filter(f -> pushedAt.get(clientOf(f)) >= writeStart)
                    .min(java.util.Comparator.comparingLong(f -> pushedAt.get(clientOf(f)))).orElseThrow();
            long failover = firstAvoiding.firstBeatCycle() - writeStart;
            long write = writeEnd - writeStart;
            double latency = toA.stream().mapToLong(f -> f.firstBeatCycle() - pushedAt.get(clientOf(f))).average()
                    .orElseThrow();
            long intervalMillis = HealthCheck.DEFAULT_INTERVAL.toMillis();
            String report = String.join("\n",
                    "# Failover time (simulation)",
                    "",
                    "Server a (wrr weight 65535, b has 1, so a takes every new connection) is marked down through"
                            + " the registers while a new connection arrives every " + GAP + " clocks (64-byte SYNs,"
                            + " 64-bit datapath).",
                    "",
                    "| step | clocks | at 125 MHz |",
                    "|---|---|---|",
                    "| register write (read the slot, stage it, commit: what `fsctl server down` does) | " + write
                            + " | " + micros(write) + " µs |",
                    "| start of the write to the first new connection at the egress that avoids a (the write, the"
                            + " wait for the next SYN, its way through the switch) | " + failover + " | "
                            + micros(failover) + " µs |",
                    "| a SYN's way through the switch (push to the first beat out), for scale | "
                            + String.format("%.1f", latency) + " | " + micros(Math.round(latency)) + " µs |",
                    "",
                    "Whole failover = fall × interval of the health checks + the above: with the defaults (fall "
                            + HealthCheck.DEFAULT_FALL + ", interval " + intervalMillis + " ms) "
                            + HealthCheck.DEFAULT_FALL + " check intervals, "
                            + HealthCheck.DEFAULT_FALL * intervalMillis + " ms, plus " + micros(failover) + " µs.",
                    "");
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, report);
            System.out.println(report);
        }
    }

    private static String micros(long clocks) {
        return String.format("%.2f", clocks / 125.0);
    }

    private static byte[] syn(SwitchConfig cfg, int client) {
        return TcpFrames.segment(cfg.switchMac(), ROUTER, Ipv4Address.parse("10.0.0.1"), 1024 + client, VIP, 80,
                true, 64, client);
    }

    /** The client number of a forwarded SYN (its source port, at byte 34, less 1024). */
    private static int clientOf(EgressFrame f) {
        return ((f.data()[34] & 0xff) << 8 | (f.data()[35] & 0xff)) - 1024;
    }
}
