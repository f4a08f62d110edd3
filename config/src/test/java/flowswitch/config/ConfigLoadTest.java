package flowswitch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the file itself: the error names the path as given, since that is what the user typed. */
class ConfigLoadTest {
    @TempDir
    Path dir;

    @Test
    void missingFile() {
        Path file = dir.resolve("nope.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> SwitchConfig.load(file));
        assertEquals(file.toString(), e.source());
        assertEquals(0, e.line());
        assertEquals(file + ": no such file; check the path", e.getMessage());
    }

    @Test
    void directoryInsteadOfFile() {
        ConfigException e = assertThrows(ConfigException.class, () -> SwitchConfig.load(dir));
        assertEquals(dir.toString(), e.source());
        assertTrue(e.problem().startsWith("cannot be read"), e.getMessage());
    }

    @Test
    void unreadableFile() throws IOException {
        Path file = Files.writeString(dir.resolve("secret.yaml"), "switch: {}\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("-w-------"));
        assumeTrue(!Files.isReadable(file), "running as a user who can read anything (root)");
        ConfigException e = assertThrows(ConfigException.class, () -> SwitchConfig.load(file));
        assertEquals("permission denied; make the file readable", e.problem());
    }

    @Test
    void notUtf8() throws IOException {
        Path file = Files.write(dir.resolve("latin1.yaml"), new byte[] {'#', ' ', (byte) 0xe9, '\n'});
        ConfigException e = assertThrows(ConfigException.class, () -> SwitchConfig.load(file));
        assertEquals("not UTF-8 text; save the file as UTF-8", e.problem());
    }

    @Test
    void errorsInsideAFileNameIt() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "switch:\n  mac: \"02:00:00:00:00:fe\"\nports: 4\n");
        ConfigException e = assertThrows(ConfigException.class, () -> SwitchConfig.load(file));
        assertEquals(file + ":3:8: ports: expected a list (write [] for an empty one); found '4'", e.getMessage());
    }
}
