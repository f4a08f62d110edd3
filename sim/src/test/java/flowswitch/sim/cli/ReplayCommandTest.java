package flowswitch.sim.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import flowswitch.config.SwitchConfig;
import flowswitch.sim.golden.Egress;
import flowswitch.sim.golden.GoldenModel;
import flowswitch.sim.pcap.PcapReader;
import flowswitch.sim.pcap.PcapRecord;
import flowswitch.sim.pcap.PcapWriter;
import flowswitch.sim.traffic.TrafficFrame;
import flowswitch.sim.traffic.TrafficGenerator;
import flowswitch.sim.traffic.TrafficOptions;
import flowswitch.sim.traffic.TrafficPcap;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowswitch sim replay} end to end: pcaps in, per-port pcaps and summary out, bad input refused. */
class ReplayCommandTest {
    static final Path CONFIG = Path.of("../examples/basic.yaml");

    record Run(int exit, String out, String err) {}

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = FlowSwitchCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void replayWritesWhatTheGoldenModelSendsOnEveryPort(@TempDir Path dir) throws Exception {
        SwitchConfig cfg = SwitchConfig.load(CONFIG);
        List<TrafficFrame> traffic = TrafficGenerator.generate(cfg,
                TrafficOptions.defaults().withSeed(3).withFlowsPerService(40).withPacketsPerFlow(3));
        Map<Integer, Path> pcaps = TrafficPcap.writePerPort(traffic, 4, dir.resolve("in"));
        // A runt and a truncated IPv4 frame are counted, never a crash.
        Path bad = dir.resolve("in/bad.pcap");
        byte[] truncated = java.util.Arrays.copyOf(traffic.stream()
                .filter(f -> f.ingressPort() == 0 && f.frame()[12] == 0x08 && f.frame()[13] == 0x00).findFirst()
                .orElseThrow().frame(), 30);
        PcapWriter.writeAll(bad, List.of(PcapRecord.of(999_000_000L, new byte[10]), PcapRecord.of(999_000_001L, truncated)));

        Run run = cli("sim", "replay", "--config", CONFIG.toString(), "--in", "0=" + pcaps.get(0), "--in",
                "1=" + pcaps.get(1), "--in", "2=" + pcaps.get(2), "--in", "3=" + pcaps.get(3), "--in", "0=" + bad,
                "--out", dir.resolve("out").toString(), "--work", dir.resolve("build").toString());
        assertEquals(0, run.exit, run.err);

        GoldenModel golden = new GoldenModel(cfg);
        List<List<String>> expected = new ArrayList<>();
        for (int p = 0; p < 4; p++) expected.add(new ArrayList<>());
        List<TrafficFrame> all = new ArrayList<>(traffic);
        all.add(new TrafficFrame(0, new byte[10]));
        all.add(new TrafficFrame(0, truncated));
        long[] aborted = new long[4];
        for (TrafficFrame f : all) {
            for (Egress e : golden.process(f.ingressPort(), f.frame(), false)) {
                if (e.aborted()) {
                    aborted[e.port()]++;
                } else {
                    expected.get(e.port()).add(hex(e.frame()));
                }
            }
        }
        for (int p = 0; p < 4; p++) {
            Path out = dir.resolve("out/port" + p + ".pcap");
            assertTrue(Files.exists(out), "port" + p + ".pcap is written even when empty");
            List<String> actual = PcapReader.readAll(out).stream().map(r -> hex(r.data())).sorted().toList();
            assertEquals(expected.get(p).stream().sorted().toList(), actual, "frames out of port " + p);
        }
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("out/summary.json").toFile());
        for (int p = 0; p < 4; p++) {
            assertEquals(aborted[p], summary.path("frames").path(p).path("aborted").asLong(),
                    "frames aborted on port " + p + ", not written: " + summary.path("frames"));
        }
        assertTrue(Arrays.stream(aborted).sum() > 0, "a truncated packet decided before its end shows is aborted");
        assertEquals(golden.counters().drop(flowswitch.sim.golden.DropReason.PARSE_ERROR),
                summary.path("counters").path("drop").path("parse_error").asLong());
        assertTrue(summary.path("counters").path("drop").path("parse_error").asLong() >= 2, summary.toString());
        assertEquals(traffic.stream().filter(f -> f.ingressPort() == 0).count() + 2,
                summary.path("counters").path("port").path("0").path("rx_packets").asLong());
    }

    @Test
    void aFileThatIsNotAPcapIsRefusedBeforeAnythingRuns(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.pcap");
        Files.writeString(junk, "this is not a capture file at all");
        Run run = cli("sim", "replay", "--config", CONFIG.toString(), "--in", "0=" + junk, "--out",
                dir.resolve("out").toString());
        assertEquals(2, run.exit);
        assertTrue(run.err.contains("junk.pcap"), run.err);
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }

    @Test
    void aPortTheSwitchDoesNotHaveIsRefused(@TempDir Path dir) throws Exception {
        Path empty = dir.resolve("empty.pcap");
        PcapWriter.writeAll(empty, List.of());
        Run run = cli("sim", "replay", "--config", CONFIG.toString(), "--in", "7=" + empty, "--out",
                dir.resolve("out").toString());
        assertEquals(2, run.exit);
        assertTrue(run.err.contains("ports 0..3"), run.err);
        Run malformed = cli("sim", "replay", "--config", CONFIG.toString(), "--in", "zero" , "--out",
                dir.resolve("out").toString());
        assertEquals(2, malformed.exit);
        assertTrue(malformed.err.contains("PORT=FILE"), malformed.err);
    }

    @Test
    void aMissingInputFileIsNamed(@TempDir Path dir) {
        Run run = cli("sim", "replay", "--config", CONFIG.toString(), "--in", "0=" + dir.resolve("nope.pcap"),
                "--out", dir.resolve("out").toString());
        assertEquals(2, run.exit);
        assertTrue(run.err.contains("nope.pcap"), run.err);
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
