package flowswitch.hdl.control.uart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UartBridgeConfigTest {

    @Test
    void baudRateBecomesWholeSamplingTicks() {
        int cpb = UartBridgeConfig.clocksPerBit(125_000_000L, 115_200);
        assertEquals(1085, cpb);
        UartBridgeConfig c = new UartBridgeConfig(cpb, 32);
        assertEquals(216, c.clockDivider());
        assertEquals(1085, c.actualClocksPerBit());
        assertEquals(33L * 10 * 1085, c.gapClocks());
        UartBridgeConfig hundredMhz = new UartBridgeConfig(UartBridgeConfig.clocksPerBit(100_000_000L, 115_200), 32);
        assertEquals(870, hundredMhz.actualClocksPerBit(), "868 rounds to 174 ticks of 5 clocks (0.2% off)");
    }

    @Test
    void rejectsBitTimesTheUartCannotHit() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new UartBridgeConfig(4, 32)).getMessage()
                .contains("uartClocksPerBit 4"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new UartBridgeConfig(7, 32)).getMessage()
                .contains("multiple of 5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new UartBridgeConfig(10, 0)).getMessage()
                .contains("uartFrameGapBytes"));
        assertThrows(IllegalArgumentException.class, () -> UartBridgeConfig.clocksPerBit(0, 115_200));
    }
}
