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
}
