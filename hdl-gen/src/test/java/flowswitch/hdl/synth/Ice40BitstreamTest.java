package flowswitch.hdl.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import flowswitch.config.HardwareParams;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Builds a real iCE40-HX8K bitstream of the reduced configuration's board design with the open tools, once, and
 * checks what came out: the bitstream, the timing nextpnr reported against every clock, the utilization, and the
 * manifest. The design is the bring-up one (the switch itself does not fit the part yet; README "Boards").
 */
class Ice40BitstreamTest {
    /** Every clock must run this much faster than its target: timing met with margin, not by a hair. */
    private static final double MIN_MARGIN = 0.20;
    /** An iCE40 bitstream starts with the synchronization word 0x7EAA997E (Lattice TN1248, "iCE40 Programming"). */
    private static final byte[] SYNC = {0x7E, (byte) 0xAA, (byte) 0x99, 0x7E};

    private static SynthRequest request;
    private static SynthResult result;
    private static String progress;

    @BeforeAll
    static void build() {
        Path repo = Checkout.locate(Path.of(""));
        HardwareParams hw = Board.ICE40_HX8K.defaultHardware();
        request = new SynthRequest(Board.ICE40_HX8K, BoardDesign.PHY_TEST, hw, repo, Path.of("target/synth/ice40-hx8k"));
        StringWriter log = new StringWriter();
        result = new Synthesizer(new PrintWriter(log, true)).synthesize(request);
        progress = log.toString();
        System.out.println(progress);
    }

    @Test
    void writesABitstreamForTheHx8k() throws Exception {
        assertEquals(Outcome.BITSTREAM, result.outcome(), progress);
        Path bin = result.bitstream().orElseThrow();
        byte[] bytes = Files.readAllBytes(bin);
        // The HX8K's configuration image always has the same length (icestorm's icepack writes all of it).
        assertEquals(135_100, bytes.length, "HX8K bitstream size");
        int sync = indexOf(bytes, SYNC);
        assertTrue(sync >= 0 && sync < 64, "the bitstream starts with the iCE40 sync word");
    }

    @Test
    void everyClockMeetsItsTargetWithMargin() throws Exception {
        List<String> ports = result.timing().stream().map(ClockTiming::clock).toList();
        assertEquals(List.of("clk_12mhz", "mii0_rx_clk", "mii0_tx_clk", "mii1_rx_clk", "mii1_tx_clk"), ports);
        JsonNode fmax = new ObjectMapper().readTree(result.outDir().resolve("nextpnr-report.json").toFile()).path("fmax");
        for (ClockTiming t : result.timing()) {
            assertTrue(t.margin() >= MIN_MARGIN, t + ": less than " + (int) (100 * MIN_MARGIN) + "% margin");
            JsonNode entry = entryFor(fmax, t.clock());
            assertEquals(t.targetMhz(), entry.path("constraint").asDouble(), 0.01,
                    "nextpnr timed " + t.clock() + " against the frequency the flow gave it");
            assertEquals(t.achievedMhz(), entry.path("achieved").asDouble(), 1e-9);
        }
    }

    @Test
    void fitsThePartAndUsesItsPins() {
        Map<String, Utilization> use = result.utilization().stream()
                .collect(java.util.stream.Collectors.toMap(Utilization::resource, u -> u));
        assertTrue(use.get(PartResources.ICE40_LC).fits() && use.get(PartResources.ICE40_LC).used() > 500,
                "logic cells: " + use.get(PartResources.ICE40_LC));
        assertTrue(use.get(PartResources.ICE40_RAM).fits(), "block RAM: " + use.get(PartResources.ICE40_RAM));
        // 39 top-level pins: clock, reset, UART (2), LEDs (8), PHY reset, and 13 per MII PHY.
        assertEquals(39, use.get(PartResources.ICE40_IO).used());
    }

    @Test
    void manifestRecordsSourcesToolsAndResults() {
        Manifest m = Manifest.read(result.manifest());
        assertEquals("ice40-hx8k", m.board());
        assertEquals("phy-test", m.design());
        assertEquals(String.format("0x%08x", request.hw().buildHash()), m.configHash());
        assertEquals(request.hw().canonicalText(), m.hardware());
        assertTrue(m.gitCommit().matches("[0-9a-f]{40}"), "git commit: " + m.gitCommit());
        assertTrue(m.tools().get("yosys").startsWith("Yosys "), m.tools().toString());
        assertTrue(m.tools().get("nextpnr-ice40").contains("nextpnr-ice40"), m.tools().toString());
        assertEquals("bitstream", m.outcome());
        assertTrue(m.outputs().contains("Ice40Hx8kPhyTest.bin"), m.outputs().toString());
        assertEquals(result.timing().size(), m.clocks().size());
        assertEquals(result.utilization().size(), m.utilization().size());
        assertFalse(m.stepSeconds().isEmpty());
    }

    private static JsonNode entryFor(JsonNode fmax, String port) {
        var it = fmax.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (e.getKey().startsWith(port + "$")) return e.getValue();
        }
        throw new AssertionError("nextpnr-report.json has no clock for " + port);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(Arrays.copyOfRange(haystack, i, i + needle.length), needle)) return i;
        }
        return -1;
    }
}
