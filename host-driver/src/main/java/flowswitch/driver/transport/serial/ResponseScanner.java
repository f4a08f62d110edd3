package flowswitch.driver.transport.serial;

import flowswitch.driver.transport.serial.protocol.UartResponse;
import java.util.Optional;

/**
 * Finds the response to one request in the bytes coming off the line. Bytes that cannot start a response are
 * skipped as noise; a sync byte that does not start an intact frame is skipped too, so noise that happens to contain
 * one cannot hide the real response behind it.
 */
final class ResponseScanner {
    /** What the bytes so far say about the awaited response. */
    sealed interface Finding {
        /** Nothing conclusive yet: read more. */
        record Pending() implements Finding {}

        /** The device's answer to this request: it ran (status OK or bus error). */
        record Answer(UartResponse response) implements Finding {}

        /** The device answered "bad crc" or "bad op": a request reached it damaged and did not run. */
        record Rejected(UartResponse response) implements Finding {}

        /** A frame with this request's seq arrived damaged: the response is lost. */
        record Corrupt() implements Finding {}
    }

    private static final Finding PENDING = new Finding.Pending();

    /** Largest chunk {@link #received} takes at once. */
    static final int MAX_CHUNK = 256;

    // Between scans at most a partial frame stays behind, so a chunk always fits after it.
    private final byte[] buffer = new byte[UartResponse.LENGTH + MAX_CHUNK];
    private int length;
    private int seq;
    private long noiseBytes;
    private long staleResponses;

    /** Forgets everything received: the next request starts on a clean buffer. */
    void expect(int requestSeq) {
        seq = requestSeq;
        length = 0;
    }

    /** Takes the first {@code count} (at most {@value #MAX_CHUNK}) of {@code bytes}, just read, and looks at them. */
    Finding received(byte[] bytes, int count) {
        System.arraycopy(bytes, 0, buffer, length, count);
        length += count;
        return scan();
    }

    long noiseBytes() {
        return noiseBytes;
    }

    long staleResponses() {
        return staleResponses;
    }

    private Finding scan() {
        int at = 0;
        try {
            while (true) {
                int sync = indexOfSync(at);
                noiseBytes += sync - at;
                at = sync;
                if (length - at < UartResponse.LENGTH) return PENDING;
                Optional<UartResponse> frame = UartResponse.find(buffer, at);
                if (frame.isEmpty()) {
                    boolean ours = (buffer[at + 2] & 0xFF) == seq;
                    at++;
                    if (ours) return new Finding.Corrupt();
                    noiseBytes++;
                    continue;
                }
                UartResponse response = frame.get();
                at += UartResponse.LENGTH;
                if (!response.status().ran()) return new Finding.Rejected(response);
                if (response.seq() == seq) return new Finding.Answer(response);
                staleResponses++;
            }
        } finally {
            consume(at);
        }
    }

    private int indexOfSync(int from) {
        for (int i = from; i < length; i++) {
            if ((buffer[i] & 0xFF) == UartResponse.SYNC) return i;
        }
        return length;
    }

    private void consume(int count) {
        System.arraycopy(buffer, count, buffer, 0, length - count);
        length -= count;
    }
}
