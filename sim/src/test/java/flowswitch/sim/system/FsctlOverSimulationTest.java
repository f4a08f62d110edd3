package flowswitch.sim.system;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import flowswitch.config.SwitchConfig;
import flowswitch.driver.cli.Fsctl;
import flowswitch.sim.device.ControlSocket;
import flowswitch.sim.device.SimulatedSwitch;
import flowswitch.sim.traffic.TrafficFrame;
import flowswitch.sim.traffic.TrafficGenerator;
import flowswitch.sim.traffic.TrafficMix;
import flowswitch.sim.traffic.TrafficOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fsctl, over the sim socket, against the generated Verilog running in Verilator (what `sim run` serves). */
class FsctlOverSimulationTest {

    record Run(int exit, String out, String err) {}

    static Run fsctl(Path socket, String... verb) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = new String[verb.length + 2];
        args[0] = "--device";
        args[1] = "sim:" + socket;
        System.arraycopy(verb, 0, args, 2, verb.length);
        int exit = Fsctl.execute(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void fsctlReadsTheDeviceAndItsCountersAndMarksAServerDown(@TempDir Path dir) throws Exception {
        SwitchConfig cfg = SwitchConfig.load(Path.of("../examples/basic.yaml"));
        try (SimulatedSwitch sw = SimulatedSwitch.start(cfg, dir.resolve("build"));
             ControlSocket control = ControlSocket.serve(sw, cfg, dir.resolve("ctl/fs.sock"))) {
            Path socket = control.socket();
            Run info = fsctl(socket, "info", "--json");
            assertEquals(0, info.exit, info.err);
            JsonNode id = new ObjectMapper().readTree(info.out);
            assertEquals(cfg.hardware().buildHash(), (int) Long.parseLong(id.path("build").asText().replace("0x", ""), 16),
                    info.out);

            List<TrafficFrame> traffic = TrafficGenerator.generate(cfg, TrafficOptions.defaults().withSeed(5)
                    .withFlowsPerService(20).withPacketsPerFlow(2).withMix(TrafficMix.flowsOnly()));
            sw.model().setSerial(true);
            for (TrafficFrame f : traffic) sw.model().pushFrame(f.ingressPort(), f.frame());
            assertTrue(sw.model().runUntilIdle(5_000_000L) >= 0);

            Run stats = fsctl(socket, "stats", "--json");
            assertEquals(0, stats.exit, stats.err);
            assertTrue(stats.out.contains("rx_packets"), stats.out);
            long rx = sw.device().counters().get(flowswitch.driver.regmap.Group.PORT, 0, "rx_packets");
            assertEquals(traffic.stream().filter(f -> f.ingressPort() == 0).count(), rx);

            Run list = fsctl(socket, "server", "list");
            assertEquals(0, list.exit, list.err);
            assertTrue(list.out.contains("s2") && list.out.contains("02:00:00:00:01:02"), list.out);

            Run down = fsctl(socket, "server", "set", "--service", "web", "--name", "s2", "--state", "down");
            assertEquals(0, down.exit, down.err);
            assertEquals(flowswitch.config.ServerState.DOWN, sw.device().servers().get(1).state());

            Run bad = fsctl(socket, "server", "set", "--service", "web", "--name", "s2", "--mac", "zz:00");
            assertEquals(2, bad.exit);
            assertFalse(bad.err.isBlank());
        }
    }

    /**
     * apply as an operator uses it on the real RTL: review with --dry-run (nothing reaches the device), apply,
     * apply again (nothing to do), change one thing on the device, save, and apply the saved file (nothing to do).
     */
    @Test
    void applyDryRunThenApplyThenSaveRoundTrip(@TempDir Path dir) throws Exception {
        Path file = Path.of("../examples/basic.yaml");
        SwitchConfig cfg = SwitchConfig.load(file);
        // Bare hardware: nothing loaded yet, as after a board's reset.
        try (SimulatedSwitch sw = SimulatedSwitch.start(cfg.hardware(), dir.resolve("build"));
             ControlSocket control = ControlSocket.serve(sw, cfg, dir.resolve("ctl/fs.sock"))) {
            Path socket = control.socket();
            Run dry = fsctl(socket, "apply", "--dry-run", file.toString());
            assertEquals(0, dry.exit, dry.err);
            assertTrue(dry.out.contains("add service web in slot 0: tcp 192.31.65.1:80 wrr"), dry.out);
            assertTrue(dry.out.contains("add server web/s3 in slot 2: mac 02:00:00:00:01:03, port 3, weight 1, up"),
                    dry.out);
            assertTrue(dry.out.contains("add router gw1 in slot 0: mac 02:00:00:00:09:01, up"), dry.out);
            assertTrue(dry.out.endsWith("dry run: 8 changes, nothing written\n"), dry.out);
            assertFalse(sw.device().services().get(0).enabled(), "a dry run wrote the service");
            assertFalse(sw.device().servers().get(0).valid(), "a dry run wrote a server");

            Run apply = fsctl(socket, "apply", file.toString());
            assertEquals(0, apply.exit, apply.err);
            assertTrue(apply.out.endsWith("applied " + file + ": 8 changes\n"), apply.out);
            assertEquals(cfg.services().get(0).vip(), sw.device().services().get(0).vip());
            assertEquals(2, sw.device().servers().get(1).weight());

            Run again = fsctl(socket, "apply", file.toString());
            assertEquals(0, again.exit, again.err);
            assertEquals("no changes: the device already matches " + file + "\n", again.out);

            assertEquals(0, fsctl(socket, "server", "drain", "--name", "s2").exit);
            assertEquals(0, fsctl(socket, "server", "del", "--name", "s1").exit);
            Path saved = dir.resolve("saved.yaml");
            Run save = fsctl(socket, "save", saved.toString());
            assertEquals(0, save.exit, save.err);
            SwitchConfig back = SwitchConfig.load(saved);
            assertEquals(cfg.hardware(), back.hardware());
            assertEquals(List.of("s2", "s3"), back.services().get(0).servers().stream().map(s -> s.name()).toList());
            assertEquals(flowswitch.config.ServerState.DRAIN, back.services().get(0).servers().get(0).state());

            Run roundTrip = fsctl(socket, "apply", saved.toString());
            assertEquals(0, roundTrip.exit, roundTrip.err);
            assertEquals("no changes: the device already matches " + saved + "\n", roundTrip.out);
            assertEquals(flowswitch.config.ServerState.DRAIN, sw.device().servers().get(1).state());
            assertFalse(sw.device().servers().get(0).valid());
        }
    }
}
