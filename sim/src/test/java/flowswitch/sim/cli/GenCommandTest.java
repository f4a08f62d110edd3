package flowswitch.sim.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowswitch gen}: the files it promises, and a bad config refused with its line and field. */
class GenCommandTest {

    @Test
    void writesVerilogAndRegisterMapFiles(@TempDir Path dir) {
        ReplayCommandTest.Run run = ReplayCommandTest.cli("gen", "--config", "../examples/basic.yaml", "--out",
                dir.toString());
        assertEquals(0, run.exit(), run.err());
        for (String f : new String[] {"FlowSwitch.v", "regmap.json", "flowswitch_regs.h", "regmap.md", "lint-waivers.vlt"}) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f);
        }
        assertTrue(run.out().contains("build 0x"), run.out());
    }

    @Test
    void aBadConfigNamesItsLineAndFieldAndWritesNothing(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("bad.yaml");
        Files.writeString(cfg, Files.readString(Path.of("../examples/basic.yaml")).replace("data_width: 64", "data_width: 48"));
        ReplayCommandTest.Run run = ReplayCommandTest.cli("gen", "--config", cfg.toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("bad.yaml:3:") && run.err().contains("data_width"), run.err());
        assertFalse(Files.exists(dir.resolve("out")));
    }
}
