package flowswitch.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flowswitch synth}: bad requests are refused with exit 2 and a message that says what would do, before any
 * tool runs or any file is written. (The builds themselves are tested in hdl-gen: Ice40BitstreamTest,
 * XilinxEstimateTest.)
 */
class SynthCommandTest {
    @Test
    void anUnknownBoardListsTheBoards(@TempDir Path dir) {
        ReplayCommandTest.Run run = ReplayCommandTest.cli("synth", "--board", "arty", "--out", dir.resolve("out").toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("ice40-hx8k, netfpga-1g-cml, netfpga-sume"), run.err());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void aDesignTheBoardDoesNotHaveIsRefused(@TempDir Path dir) {
        ReplayCommandTest.Run run = ReplayCommandTest.cli("synth", "--board", "netfpga-sume", "--design", "phy-test",
                "--out", dir.resolve("out").toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("netfpga-sume has no design 'phy-test'"), run.err());
    }

    @Test
    void aConfigTheBoardCannotCarryNamesTheParameter(@TempDir Path dir) {
        // examples/basic.yaml has four ports; the iCE40 board has two PHYs.
        ReplayCommandTest.Run run = ReplayCommandTest.cli("synth", "--board", "ice40-hx8k", "--config",
                "../examples/basic.yaml", "--out", dir.resolve("out").toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("set ports: 2"), run.err());
    }

    @Test
    void aFullDirectoryThatIsNoBuildIsLeftAlone(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "mine");
        ReplayCommandTest.Run run = ReplayCommandTest.cli("synth", "--board", "ice40-hx8k", "--design", "phy-test",
                "--out", dir.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("is not empty and holds no earlier build"), run.err());
        assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
    }
}
