package flowswitch.driver.transport.serial.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The host side of hdl-gen/docs/uart-protocol.md: CRC, request encoding, response decoding. */
class UartProtocolTest {

    @Test
    void crcIsCrc8Smbus() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0xF4, Crc8.of(check, 0, check.length));
        assertEquals(0x07, Crc8.update(0, 0x01));
        assertEquals(0, Crc8.of(new byte[0], 0, 0));
    }

    @Test
    void requestIsSyncOpSeqAddressDataCrc() {
        byte[] frame = UartRequest.write(0x42, 0x0304, 0xA1B2C3D4).encode();
        assertEquals(UartRequest.LENGTH, frame.length);
        assertArrayEquals(new byte[] {(byte) 0xA5, 0x02, 0x42, 0x03, 0x04, (byte) 0xA1, (byte) 0xB2, (byte) 0xC3,
                (byte) 0xD4}, java.util.Arrays.copyOf(frame, 9));
        assertEquals(Crc8.of(frame, 1, 9), frame[9] & 0xFF);
        assertEquals(0, Crc8.of(frame, 1, 10), "a frame's CRC over its body and CRC is zero");
        byte[] read = UartRequest.read(7, 0).encode();
        assertEquals(0x01, read[1]);
        assertEquals(0, read[5] | read[6] | read[7] | read[8], "a read carries zero data");
    }

    @Test
    void examplesOfTheProtocolDocumentEncodeAndDecode() {
        assertArrayEquals(bytes("A5 01 01 00 00 00 00 00 00 CC"), UartRequest.read(1, 0x0000).encode());
        assertEquals(new UartResponse(UartStatus.OK, 1, 0x464C5357), UartResponse.decode(bytes("5A 00 01 46 4C 53 57 60")));
        assertArrayEquals(bytes("A5 02 02 01 08 00 00 00 03 A6"), UartRequest.write(2, 0x0108, 3).encode());
        assertEquals(new UartResponse(UartStatus.OK, 2, 0), UartResponse.decode(bytes("5A 00 02 00 00 00 00 C4")));
    }

    @Test
    void requestRejectsWhatTheBridgeCannotCarry() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UartRequest.read(256, 0)).getMessage().contains("seq"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UartRequest.read(0, 0x10002)).getMessage()
                .contains("0x10002"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UartRequest.read(0, 0x102)).getMessage()
                .contains("word-aligned"));
    }

    @Test
    void responseDecodesStatusSeqAndData() {
        byte[] frame = {0x5A, 0x00, 0x09, (byte) 0x46, 0x4C, 0x53, 0x57, 0};
        frame[7] = (byte) Crc8.of(frame, 1, 7);
        assertEquals(new UartResponse(UartStatus.OK, 9, 0x464C5357), UartResponse.decode(frame));
        frame[1] = 3;
        frame[7] = (byte) Crc8.of(frame, 1, 7);
        assertEquals(UartStatus.BUS_ERROR, UartResponse.decode(frame).status());
    }

    @Test
    void responseRejectsBrokenFramesSayingWhatIsWrong() {
        byte[] good = {0x5A, 0x00, 0x01, 0, 0, 0, 0, 0};
        good[7] = (byte) Crc8.of(good, 1, 7);
        byte[] badSync = good.clone();
        badSync[0] = 0x55;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UartResponse.decode(badSync)).getMessage().contains("sync"));
        byte[] badCrc = good.clone();
        badCrc[4] ^= 1;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UartResponse.decode(badCrc)).getMessage().contains("CRC"));
        byte[] badStatus = good.clone();
        badStatus[1] = 9;
        badStatus[7] = (byte) Crc8.of(badStatus, 1, 7);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UartResponse.decode(badStatus)).getMessage().contains("9"));
        assertThrows(IllegalArgumentException.class, () -> UartResponse.decode(new byte[7]));
    }

    private static byte[] bytes(String hex) {
        String[] parts = hex.split(" ");
        byte[] out = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) out[i] = (byte) Integer.parseInt(parts[i], 16);
        return out;
    }
}
