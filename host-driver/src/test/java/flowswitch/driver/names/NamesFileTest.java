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
        assertEquals("slot2", names.serviceName(2));
    }

    @Test
    void slotSpellingsGiveTheirNumber() {
        assertEquals(OptionalInt.of(3), SlotNames.slotNumber("slot3"));
        assertEquals(OptionalInt.of(12), SlotNames.slotNumber("slot12"));
        assertEquals(OptionalInt.empty(), SlotNames.slotNumber("slot"));
        assertEquals(OptionalInt.empty(), SlotNames.slotNumber("web-1"));
        assertEquals(OptionalInt.empty(), SlotNames.slotNumber("slot-1"));
    }

    @Test
    void removingAServiceRemovesTheNamesOfItsServers() {
        SlotNames names = SlotNames.of(Fixtures.config()).withoutService(0, List.of(0, 1));
        assertEquals(Map.of(1, "dns"), names.services());
        assertEquals(Map.of(2, "dns-1"), names.servers());
        assertEquals(Map.of(0, "mail", 1, "dns"), names.withService(0, "mail").services());
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
