package flowswitch.driver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import flowswitch.driver.fake.FakeFlowSwitch;
import flowswitch.driver.fake.Fixtures;
import flowswitch.driver.regmap.RegisterMap;
import flowswitch.driver.transport.sim.SimSocketServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * fsctl run in-process against a {@link FakeFlowSwitch} served on a real sim socket, in a test's temporary
 * directory (which also holds the register map and so the names file).
 */
final class FsctlRunner implements AutoCloseable {
    private static final JsonMapper JSON = new JsonMapper();

    final Path dir;
    final RegisterMap map;
    final FakeFlowSwitch fake;
    final Map<String, String> env = new HashMap<>();
    final Path socket;
    private final SimSocketServer server;

    record Result(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    FsctlRunner(Path dir) throws IOException {
        this(dir, Files.readString(Fixtures.regmapFile()));
    }

    /** With the register map {@code regmapJson} instead of the fixture's. */
    FsctlRunner(Path dir, String regmapJson) throws IOException {
        this.dir = dir;
        Path regmap = Files.writeString(dir.resolve("regmap.json"), regmapJson);
        map = RegisterMap.load(regmap);
        fake = new FakeFlowSwitch(map);
        socket = dir.resolve("fs.sock");
        server = new SimSocketServer(socket, fake);
    }

    /** fsctl with {@code --device sim:<the socket>} before {@code args}. */
    Result fsctl(String... args) {
        List<String> all = new ArrayList<>(List.of("--device", "sim:" + socket));
        all.addAll(List.of(args));
        return raw(all.toArray(String[]::new));
    }

    Result raw(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Fsctl.execute(env, new PrintWriter(out), new PrintWriter(err), args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** The fixture config (two services, three servers) as a file. */
    Path configFile() throws IOException {
        return Files.writeString(dir.resolve("switch.yaml"), Fixtures.config().toYaml());
    }

    Path namesFile() {
        return dir.resolve("names.json");
    }

    void stopServer() {
        server.close();
    }

    @Override
    public void close() {
        server.close();
    }

    static void assertOk(Result r) {
        assertEquals(0, r.exit(), "stderr: " + r.err());
        assertEquals("", r.err());
    }

    /** One line on stderr, no stack trace, the expected exit status. */
    static void assertFails(Result r, int exit, String expected) {
        assertEquals(exit, r.exit(), "stdout: " + r.out() + " stderr: " + r.err());
        assertTrue(r.err().startsWith("fsctl: "), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }
}
