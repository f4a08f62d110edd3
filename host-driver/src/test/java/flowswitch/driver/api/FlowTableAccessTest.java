package flowswitch.driver.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import flowswitch.driver.fake.FakeFlowSwitch;
import flowswitch.driver.fake.Fixtures;
import flowswitch.driver.regmap.RegisterMap;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whether single flows can be listed or deleted is read from the register map. */
class FlowTableAccessTest {
    @Test
    void aMapWithoutFlowTableAccessRegistersRefusesEntryOperations() {
        RegisterMap map = Fixtures.regmap();
        FlowTableAccess access = FlowSwitchDevice.open(new FakeFlowSwitch(map), map).flowTableAccess();
        assertEquals(List.of(), access.entryRegisters());
        UnsupportedByDeviceException e = assertThrows(UnsupportedByDeviceException.class,
                () -> access.requireEntries("flows list"));
        assertTrue(e.getMessage().startsWith("flows list is not supported by this device's register map (no FLOW_*"
                + " table access registers in " + map.source() + ")"), e.getMessage());
    }

    @Test
    void aMapWithThemNamesThemRatherThanGuessTheirLayout() throws Exception {
        JsonMapper json = new JsonMapper();
        ObjectNode root = (ObjectNode) json.readTree(Files.readString(Fixtures.regmapFile()));
        ObjectNode index = ((ArrayNode) root.get("registers")).addObject();
        index.put("name", "FLOW_INDEX").put("address", 0xFF0).put("access", "RW").put("reset", 0)
                .put("group", "flow").put("index", -1);
        index.putArray("fields").addObject().put("name", "value").put("lsb", 0).put("width", 4).put("access", "RW")
                .put("reset", 0);
        RegisterMap map = RegisterMap.parse(json.writeValueAsString(root), "future.json");

        FlowTableAccess access = FlowTableAccess.of(map);
        assertEquals(List.of("FLOW_INDEX"), access.entryRegisters());
        UnsupportedByDeviceException e = assertThrows(UnsupportedByDeviceException.class,
                () -> access.requireEntries("flows del"));
        assertTrue(e.getMessage().contains("future.json has flow table access registers (FLOW_INDEX)"),
                e.getMessage());
    }
}
