package flowswitch.sim.verilator;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegisterBusTest {
    private static final int ID = 0x4C4F4F50;

    @Test
    void writesReadBack() {
        try (VerilatedModel dut = LoopbackFixture.open(64)) {
            int[] values = {0xDEADBEEF, 0x01234567, 0x80000000, 0x0000FFFF};
            for (int i = 0; i < values.length; i++) {
                dut.axilWrite(4 * i, values[i]);
            }
            for (int i = 0; i < values.length; i++) {
                assertEquals(values[i], dut.axilRead(4 * i), "register " + i);
            }
            assertEquals(ID, dut.axilRead(0x10));
        }
    }

    @Test
    void errorResponsesThrowWithTheResponse() {
        try (VerilatedModel dut = LoopbackFixture.open(256)) {
            AxiLiteException read = assertThrows(AxiLiteException.class, () -> dut.axilRead(0x20));
            assertEquals(Optional.of(AxiLiteResponse.SLVERR), read.response());
            assertEquals(0x20, read.address());
            AxiLiteException write = assertThrows(AxiLiteException.class, () -> dut.axilWrite(0x10, 1));
            assertEquals(Optional.of(AxiLiteResponse.SLVERR), write.response());
        }
    }

    @Test
    void aSlaveThatNeverAnswersTimesOutAndTheBusRecovers() {
        try (VerilatedModel dut = LoopbackFixture.open(64)) {
            long before = dut.cycles();
            AxiLiteException e = assertThrows(AxiLiteException.class, () -> dut.axilRead(0xFFFC));
            assertTrue(e.response().isEmpty());
            assertEquals(VerilatedModel.AXIL_TIMEOUT_CYCLES, dut.cycles() - before);
            dut.axilWrite(8, 42);
            assertEquals(42, dut.axilRead(8));
        }
    }

    @Test
    void addressesOutsideTheRegisterSpaceAreRejected() {
        try (VerilatedModel dut = LoopbackFixture.open(64)) {
            assertThrows(IllegalArgumentException.class, () -> dut.axilRead(0x10000));
            assertThrows(IllegalArgumentException.class, () -> dut.axilWrite(-4, 0));
        }
    }

    @Test
    void streamsKeepMovingDuringATransaction() {
        try (VerilatedModel dut = LoopbackFixture.open(64)) {
            dut.pushFrame(0, new byte[8]);
            dut.axilWrite(0, 1);
            assertEquals(0, dut.pendingFrames(0));
            assertTrue(dut.popFrame(1).isPresent());
        }
    }
}
