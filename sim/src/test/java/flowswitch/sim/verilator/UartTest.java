package flowswitch.sim.verilator;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UartTest {
    @Test
    void bytesSentOnRxdComeBackFromTheEchoOnTxd() {
        try (VerilatedModel dut = LoopbackFixture.open(64)) {
            assertThrows(IllegalStateException.class, () -> dut.uartSend(new byte[] {1}));
            dut.uartConfigure(9);
            byte[] message = "flowswitch \u0000\u00FF".getBytes(StandardCharsets.ISO_8859_1);
            dut.uartSend(message);
            long run = dut.runUntilIdle(100_000, 50);
            assertArrayEquals(message, dut.uartReceive());
            assertEquals(0, dut.uartFramingErrors());
            // 10 bit times per byte on the wire, then the one-cycle echo and the quiet period.
            assertEquals(message.length * 10L * 9 + 50, run, 5);
            assertArrayEquals(new byte[0], dut.uartReceive());
        }
    }

    @Test
    void theBitTimeCannotChangeWhileBytesAreInFlight() {
        try (VerilatedModel dut = LoopbackFixture.open(64)) {
            dut.uartConfigure(16);
            dut.uartSend(new byte[] {0, 0, 0, 0});
            dut.step(200);
            assertThrows(IllegalStateException.class, () -> dut.uartConfigure(8));
            dut.runUntilIdle(10_000, 50);
            dut.uartConfigure(8);
            assertArrayEquals(new byte[4], dut.uartReceive());
        }
    }
}
