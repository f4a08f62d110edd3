package flowswitch.hdl.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.hdl.decision.SchedulerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EgressSwitchConfigTest {
    @Test
    void defaultsMatchTheDefaultHardware() {
        assertEquals(new EgressSwitchConfig(64, 4, SchedulerConfig.defaults()), EgressSwitchConfig.defaults());
        assertEquals(new EgressSwitchConfig(256, 16, SchedulerConfig.defaults()), EgressSwitchConfig.defaults().withDataWidth(256).withPorts(16));
        assertEquals(32, EgressSwitchConfig.defaults().withDataWidth(256).beatBytes());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 32, 96, 100, 1088, 2048})
    void rejectsDataWidthsThatAreNotWholeWordsInRange(int width) {
        var e = assertThrows(IllegalArgumentException.class, () -> EgressSwitchConfig.defaults().withDataWidth(width));
        assertTrue(e.getMessage().contains("dataWidth is " + width), e.getMessage());
        assertTrue(e.getMessage().contains("multiple of 64 from 64 to 1024"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 1, 17})
    void rejectsPortCountsOutsideTwoToSixteen(int ports) {
        var e = assertThrows(IllegalArgumentException.class, () -> EgressSwitchConfig.defaults().withPorts(ports));
        assertTrue(e.getMessage().contains("ports is " + ports + "; use 2 to 16"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 128, 192, 256, 1024})
    void acceptsWholeWords(int width) {
        assertEquals(width, EgressSwitchConfig.defaults().withDataWidth(width).dataWidth());
    }
}
