package flowswitch.driver.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.driver.fake.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamesFileTest {
    @TempDir
    Path dir;

    @Test
    void namesComeFromTheConfigInSlotOrder() {
        SlotNames names = SlotNames.of(Fixtures.config());
        assertEquals(Map.of(0, "web", 1, "dns"), names.services());
        assertEquals(Map.of(0, "web-1", 1, "web-2", 2, "dns-1"), names.servers());
        assertEquals("slot3", names.serverName(3));
        assertEquals(OptionalInt.of(2), names.findServer("dns-1"));
        assertEquals(OptionalInt.of(3), names.findServer("slot3"));
        assertEquals(OptionalInt.empty(), names.findServer("web-9"));
        assertEquals(OptionalInt.of(1), names.findService("dns"));
    }

    @Test
    void aRealNameWinsOverTheSlotSpelling() {
        SlotNames names = new SlotNames(Map.of(), Map.of(0, "slot2"));
        assertEquals(OptionalInt.of(0), names.findServer("slot2"));
        assertEquals(OptionalInt.of(1), names.findServer("slot1"));
    }

    @Test
    void savesAndLoadsWithoutLeavingTemporaryFiles() throws Exception {
        NamesFile file = NamesFile.nextTo(dir.resolve("regmap.json"));
        assertEquals(dir.resolve("names.json").toAbsolutePath(), file.path());
        assertEquals(SlotNames.NONE, file.load());
        SlotNames names = SlotNames.of(Fixtures.config()).withServer(3, "extra").withoutServer(0);
        file.save(names);
        assertEquals(names, file.load());
        file.save(names.withoutServer(3));
        assertEquals(names.withoutServer(3), file.load());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("names.json")), files.toList());
        }
        assertTrue(Files.readString(file.path()).contains("\"web-2\""));
    }

    @Test
    void aBrokenFileSaysHowToRecover() throws Exception {
        Path path = Files.writeString(dir.resolve("names.json"), "{\"servers\": [1, 2]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NamesFile(path).load());
        assertTrue(e.getMessage().startsWith(path + " is not a valid names file"), e.getMessage());
        assertTrue(e.getMessage().contains("fsctl apply"), e.getMessage());
    }
}
