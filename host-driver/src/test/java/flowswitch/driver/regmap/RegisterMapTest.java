package flowswitch.driver.regmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import flowswitch.config.HardwareParams;
import flowswitch.driver.fake.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegisterMapTest {
    private static final JsonMapper JSON = new JsonMapper();

    @Test
    void loadsTheFixture() {
        RegisterMap map = Fixtures.regmap();
        assertEquals(0x464C5357, map.id());
        assertEquals(0x010000, map.version());
        assertEquals(new HardwareParams(64, 4, 16, 4, 64, 64, 2048), map.hardware());
        // The fixture's BUILD is the hash of its own hardware, as gen writes it.
        assertEquals(map.hardware().buildHash(), map.build());
        assertEquals(0x30C, map.register("SRV_CFG").address());
        assertEquals(Access.W1P, map.register("SVC_COMMIT").access());
        assertEquals(Group.SERVER_TABLE, map.register("SRV_CFG").group());
        assertEquals(154, map.counters().size());
        assertEquals(8, map.counters(Group.ROUTER).size());
        assertEquals(Group.ROUTER_TABLE, map.register("RTR_CFG").group());
        assertEquals(96, map.counters(Group.SERVER).size());
        assertEquals(1601, map.hardware().maglevTableSize());
        assertEquals(Group.SERVER, map.register("SERVER3_CONNECTIONS").group());
        assertEquals(List.of("hits", "misses", "inserts", "insert_fail", "reassigns", "stash_inserts", "relocations",
                "aged_out", "deleted"), map.counters(Group.FLOW).stream().map(Counter::name).toList());
        Counter newFlows = map.counter(Group.SERVER, 3, "new_flows");
        assertEquals("SERVER3_NEW_FLOWS_LO", newFlows.lo().name());
        assertEquals("SERVER3_NEW_FLOWS_HI", newFlows.hi().name());
        assertEquals(Group.PORT, map.register("PORT1_DROPS_HI").group());
        assertEquals(1, map.register("PORT1_DROPS_HI").index());
        assertEquals(-1, map.counter(Group.FLOW, -1, "hits").index());
    }

    @Test
    void fieldsGetAndSetWithTheMapsMaskAndShift() {
        Register cfg = Fixtures.regmap().register("SRV_CFG");
        Field port = cfg.field("port");
        Field state = cfg.field("state");
        assertEquals(16, port.lsb());
        assertEquals(255, port.max());
        int word = state.set(port.set(0xFFFF, 7), 2);
        assertEquals(0x2007_FFFF, word);
        assertEquals(7, port.get(word));
        assertEquals(2, state.get(word));
        // Replacing a field leaves its neighbours alone.
        assertEquals(0x2003_FFFF, port.set(word, 3));
        Field valid = cfg.field("valid");
        assertEquals(1, valid.get(valid.set(0, 1)));
        assertEquals(0x8000_0000, valid.set(0, 1));
        Field full = Fixtures.regmap().field("BUILD", "value");
        assertEquals(0xFFFF_FFFFL, full.get(-1));
        IllegalArgumentException tooWide = assertThrows(IllegalArgumentException.class, () -> port.set(0, 256));
        assertTrue(tooWide.getMessage().contains("0..255"), tooWide.getMessage());
        assertThrows(IllegalArgumentException.class, () -> port.set(0, -1));
    }

    @Test
    void missingRegisterOrFieldIsNamed() {
        RegisterMap map = Fixtures.regmap();
        RegisterMapException noRegister = assertThrows(RegisterMapException.class, () -> map.register("SRV_FROB"));
        assertTrue(noRegister.getMessage().contains("no register SRV_FROB"), noRegister.getMessage());
        assertTrue(noRegister.getMessage().contains(map.source()), noRegister.getMessage());
        RegisterMapException noField = assertThrows(RegisterMapException.class,
                () -> map.field("SRV_CFG", "colour"));
        assertTrue(noField.getMessage().contains("SRV_CFG has no field 'colour'"), noField.getMessage());
        assertThrows(RegisterMapException.class, () -> map.counter(Group.PORT, 4, "rx_packets"));
    }

    @Test
    void missingFileSaysWhereAndWhatToDo(@TempDir Path dir) {
        Path missing = dir.resolve("regmap.json");
        RegisterMapException e = assertThrows(RegisterMapException.class, () -> RegisterMap.load(missing));
        assertTrue(e.getMessage().contains(missing + " not found"), e.getMessage());
        assertTrue(e.getMessage().contains("flowswitch gen"), e.getMessage());
    }

    @Test
    void invalidJsonNamesTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("regmap.json");
        Files.writeString(file, "{ \"format\": 1,\n  \"registers\": [ }");
        RegisterMapException e = assertThrows(RegisterMapException.class, () -> RegisterMap.load(file));
        assertTrue(e.getMessage().contains(file + " is not valid JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void eachStructuralProblemIsNamedByItsPath() throws Exception {
        assertInvalid(root -> root.put("format", 2), "format: 2 is not supported");
        assertInvalid(root -> register(root, 2).remove("address"), "registers[2].address: missing");
        assertInvalid(root -> register(root, 2).put("address", 0x202),
                "registers[2].address: 0x202 is not word aligned");
        assertInvalid(root -> register(root, 2).put("address", 0x10000), "registers[2].address: 65536 is out of range");
        assertInvalid(root -> register(root, 1).put("access", "WO"), "registers[1].access: 'WO' is not one of");
        assertInvalid(root -> register(root, 1).put("group", "misc"), "registers[1].group: unknown group 'misc'");
        assertInvalid(root -> register(root, 1).put("name", "ID"), "register ID is declared twice");
        assertInvalid(root -> register(root, 1).put("address", 0), "registers ID and VERSION share address 0x0");
        assertInvalid(root -> ((ObjectNode) register(root, 1).withArray("fields").get(2)).put("lsb", 30),
                "registers[1].fields[2]: field major [37:30] does not fit");
        assertInvalid(root -> ((ObjectNode) root.withArray("counters").get(0)).put("hi", "NOPE"),
                "counters[0].hi: names register NOPE, which the map does not declare");
        assertInvalid(root -> ((ObjectNode) root.get("hardware")).put("ports", 1), "hardware.ports: 1 is out of range");
        assertInvalid(root -> root.put("id", "FLSW"), "id: expected an integer");
    }

    private static ObjectNode register(ObjectNode root, int i) {
        return (ObjectNode) ((ArrayNode) root.get("registers")).get(i);
    }

    private static void assertInvalid(Consumer<ObjectNode> breakIt, String expected) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(Files.readString(Fixtures.regmapFile()));
        breakIt.accept(root);
        RegisterMapException e = assertThrows(RegisterMapException.class,
                () -> RegisterMap.parse(JSON.writeValueAsString(root), "broken.json"));
        assertTrue(e.getMessage().startsWith("register map broken.json is invalid: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
