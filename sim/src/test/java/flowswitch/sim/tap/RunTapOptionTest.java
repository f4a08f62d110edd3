package flowswitch.sim.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.sim.cli.FlowSwitchCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sim run --tap}: bad bindings are refused as bad input before anything is built or opened. */
class RunTapOptionTest {
    @Test
    void aPortTheConfigDoesNotHaveIsBadInput(@TempDir Path dir) {
        assertRefused(dir, "9=fs-x", "--tap 9=fs-x: the switch has ports 0..3");
    }

    @Test
    void aMalformedBindingIsBadInput(@TempDir Path dir) {
        assertRefused(dir, "fs-x", "--tap 'fs-x' is not PORT=IFNAME");
    }

    @Test
    void oneDeviceOnTwoPortsIsBadInput(@TempDir Path dir) {
        assertRefused(dir, "1=fs-x", "fs-x is already bridged", "--tap", "2=fs-x");
    }

    private static void assertRefused(Path dir, String tap, String expected, String... more) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("sim", "run", "--config", "../examples/basic.yaml", "--control",
                dir.resolve("fs.sock").toString(), "--tap", tap));
        args.addAll(List.of(more));
        int exit = FlowSwitchCli.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                args.toArray(String[]::new));
        assertEquals(2, exit, err.toString());
        assertTrue(err.toString().contains(expected), err.toString());
        assertFalse(Files.exists(dir.resolve("build")), "nothing was generated");
    }
}
