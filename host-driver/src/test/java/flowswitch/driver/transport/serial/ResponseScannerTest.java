package flowswitch.driver.transport.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import flowswitch.driver.transport.serial.ResponseScanner.Finding;
import flowswitch.driver.transport.serial.protocol.Crc8;
import flowswitch.driver.transport.serial.protocol.UartResponse;
import flowswitch.driver.transport.serial.protocol.UartStatus;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class ResponseScannerTest {
    private final ResponseScanner scanner = new ResponseScanner();

    @Test
    void aResponseSplitAcrossReadsIsFoundWhenItsLastByteArrives() {
        scanner.expect(7);
        byte[] frame = response(UartStatus.OK, 7, 0x464C5357);
        assertEquals(new Finding.Pending(), feed(slice(frame, 0, 3)));
        assertEquals(new Finding.Pending(), feed(slice(frame, 3, 7)));
        assertEquals(new Finding.Answer(new UartResponse(UartStatus.OK, 7, 0x464C5357)), feed(slice(frame, 7, 8)));
        assertEquals(0, scanner.noiseBytes());
    }

    @Test
    void noiseAndFalseSyncBytesBeforeTheResponseAreSkipped() {
        scanner.expect(2);
        // Two sync bytes that start no intact frame (their seq bytes are 0x77 and 0x5A, not 2), then the response.
        byte[] noise = {0x00, 0x5A, 0x33, 0x77, 0x5A, 0x10};
        Finding found = feed(concat(noise, response(UartStatus.OK, 2, 0x00010000)));
        assertEquals(new Finding.Answer(new UartResponse(UartStatus.OK, 2, 0x00010000)), found);
        assertEquals(noise.length, scanner.noiseBytes());
    }

    @Test
    void anIntactResponseToAnEarlierAttemptIsIgnored() {
        scanner.expect(9);
        Finding found = feed(concat(response(UartStatus.OK, 8, 1), response(UartStatus.OK, 9, 2)));
        assertEquals(new Finding.Answer(new UartResponse(UartStatus.OK, 9, 2)), found);
        assertEquals(1, scanner.staleResponses());
    }

    @Test
    void aDamagedFrameCarryingThisSeqMeansTheResponseIsLost() {
        scanner.expect(4);
        byte[] frame = response(UartStatus.OK, 4, 0x11223344);
        frame[5] ^= 0x10;
        assertEquals(new Finding.Corrupt(), feed(frame));
    }

    @Test
    void aBusErrorIsAnAnswerButABadCrcReportIsARejectionWhateverItsSeq() {
        scanner.expect(1);
        assertEquals(new Finding.Answer(new UartResponse(UartStatus.BUS_ERROR, 1, 0)),
                feed(response(UartStatus.BUS_ERROR, 1, 0)));
        scanner.expect(2);
        // The device echoes the seq byte of the frame it could not check, which may be noise.
        assertEquals(new Finding.Rejected(new UartResponse(UartStatus.BAD_CRC, 0xA5, 0)),
                feed(response(UartStatus.BAD_CRC, 0xA5, 0)));
    }

    @Test
    void expectingTheNextRequestForgetsWhatWasLeft() {
        scanner.expect(3);
        assertEquals(new Finding.Pending(), feed(slice(response(UartStatus.OK, 3, 5), 0, 6)));
        scanner.expect(4);
        assertEquals(new Finding.Answer(new UartResponse(UartStatus.OK, 4, 6)), feed(response(UartStatus.OK, 4, 6)));
    }

    private Finding feed(byte[] bytes) {
        return scanner.received(bytes, bytes.length);
    }

    private static byte[] response(UartStatus status, int seq, int data) {
        byte[] frame = {(byte) UartResponse.SYNC, (byte) status.code(), (byte) seq, (byte) (data >>> 24),
                (byte) (data >>> 16), (byte) (data >>> 8), (byte) data, 0};
        frame[7] = (byte) Crc8.of(frame, 1, 7);
        return frame;
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return java.util.Arrays.copyOfRange(bytes, from, to);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
