package flowswitch.driver.transport.sim;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * Framing of the sim socket protocol (host-driver/README.md): a request is op u8, address u32, data u32; a
 * response is status u8, data u32; all big-endian, one response per request, in order.
 */
final class SimWire {
    static final int REQUEST_BYTES = 9;
    static final int RESPONSE_BYTES = 5;
    /** The register bus is 16 bits of byte address, word aligned. */
    static final int MAX_ADDRESS = 0xFFFC;

    private SimWire() {
    }

    static boolean validAddress(int address) {
        return address >= 0 && address <= MAX_ADDRESS && (address & 3) == 0;
    }

    static ByteBuffer request(SimOp op, int address, int data) {
        return ByteBuffer.allocate(REQUEST_BYTES).put((byte) op.code()).putInt(address).putInt(data).flip();
    }

    static ByteBuffer response(SimStatus status, int data) {
        return ByteBuffer.allocate(RESPONSE_BYTES).put((byte) status.code()).putInt(data).flip();
    }

    /**
     * Fills {@code buffer} from {@code channel}. Returns false when the peer closed the connection before the
     * first byte (a clean end); a close in the middle of a message is an {@link EOFException}.
     */
    static boolean readFully(ReadableByteChannel channel, ByteBuffer buffer) throws IOException {
        buffer.clear();
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                if (buffer.position() == 0) {
                    return false;
                }
                throw new EOFException("connection closed after " + buffer.position() + " of " + buffer.capacity()
                        + " bytes of a message");
            }
        }
        buffer.flip();
        return true;
    }

    static void writeFully(WritableByteChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
