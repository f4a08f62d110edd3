package flowswitch.hdl.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.config.HardwareParams;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlPlaneConfigTest {

    @Test
    void defaultsHaveTheStandardCountersAnd115200Baud() {
        ControlPlaneConfig c = ControlPlaneConfig.defaults();
        HardwareParams hw = HardwareParams.defaults();
        assertEquals(hw, c.hw());
        assertEquals(5 * hw.ports() + 9 + 9 + 3 * hw.maxServices() + 6 * hw.maxServers() + 2 * hw.maxRouters(),
                c.counters().size());
        assertEquals(1085, c.uartClocksPerBit());
        assertEquals(16, c.counters().stream().filter(s -> s.group().equals("port") && s.name().equals("rx_bytes"))
                .findFirst().orElseThrow().amountWidth());
        assertEquals("port3_tx_bytes", c.counters().get(18).stem());
    }

    @Test
    void rejectsCountersBeyondTheHardwareOrListedTwice() {
        HardwareParams two = HardwareParams.defaults().withPorts(2);
        List<CounterSpec> tooMany = CounterSpec.standard(HardwareParams.defaults());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ControlPlaneConfig(two, tooMany, 10));
        assertTrue(e.getMessage().contains("port2_rx_packets") && e.getMessage().contains("0..1"), e.getMessage());
        List<CounterSpec> twice = new ArrayList<>(CounterSpec.standard(two));
        twice.add(CounterSpec.events("flow", -1, "hits", "again"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ControlPlaneConfig(two, twice, 10))
                .getMessage().contains("flow_hits"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ControlPlaneConfig.defaults().withUartClocksPerBit(7)).getMessage().contains("uartClocksPerBit"));
    }

    @Test
    void counterSpecsAreCheckedWhenMade() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CounterSpec.events("ports", 0, "x", ""))
                .getMessage().contains("'ports' is not a register group"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CounterSpec.events("port", -1, "drops", ""))
                .getMessage().contains("index of 0 or more"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CounterSpec.events("drop", 0, "oversize", ""))
                .getMessage().contains("use -1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CounterSpec.events("drop", -1, "Oversize", ""))
                .getMessage().contains("lower case"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new CounterSpec("port", 0, "rx_bytes", 33, ""))
                .getMessage().contains("amountWidth 33"));
    }
}
