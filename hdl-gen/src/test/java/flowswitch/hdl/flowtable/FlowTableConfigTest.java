package flowswitch.hdl.flowtable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FlowTableConfigTest {
    @Test
    void everyConfigurableSizeGetsAShapeWithTwoRowsAWayAtLeast() {
        for (int entries = FlowTableConfig.MIN_ENTRIES; entries <= FlowTableConfig.MAX_ENTRIES; entries *= 2) {
            FlowTableConfig cfg = FlowTableConfig.of(entries, 2, 4);
            assertTrue(cfg.depth() >= 2, entries + " entries: " + cfg);
            assertEquals(entries, cfg.depth() * cfg.candidates(), entries + " entries: " + cfg);
        }
        assertEquals(16, FlowTableConfig.of(65536, 2, 4).candidates());
        assertEquals(8, FlowTableConfig.of(65536, 2, 4).stashEntries());
    }

    @Test
    void aWayOfOneRowIsRefusedWithWhatToChange() {
        var e = assertThrows(IllegalArgumentException.class, () -> new FlowTableConfig(16, 4, 4, 1, 2, 4, 16, 32));
        assertTrue(e.getMessage().contains("rows per way (1) must be at least 2"), e.getMessage());
    }
}
