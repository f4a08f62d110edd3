package flowswitch.driver.transport.sim;

import flowswitch.driver.transport.DeviceException;
import flowswitch.driver.transport.RegisterBus;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/** The register bus of a simulated device, reached through the simulator's Unix domain socket. Thread safe. */
public final class SimSocketBus implements RegisterBus {
    private final String device;
    private final SocketChannel channel;
    private final ByteBuffer response = ByteBuffer.allocate(SimWire.RESPONSE_BYTES);

    /** Connects to the simulator serving {@code socket}. */
    public SimSocketBus(Path socket) {
        this.device = "sim:" + socket;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException e) {
            throw new DeviceException(device, "connect", "cannot create a Unix domain socket: " + e.getMessage(), e);
        }
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            closeQuietly();
            throw new DeviceException(device, "connect", "no simulator is serving this socket (" + e.getMessage()
                    + "); start the simulator first or check the path", e);
        }
    }

    @Override
    public synchronized int read(int address) {
        return exchange(SimOp.READ, address, 0, "read 0x" + Integer.toHexString(address));
    }

    @Override
    public synchronized void write(int address, int value) {
        exchange(SimOp.WRITE, address, value, "write 0x" + Integer.toHexString(value) + " to 0x"
                + Integer.toHexString(address));
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private int exchange(SimOp op, int address, int data, String operation) {
        try {
            SimWire.writeFully(channel, SimWire.request(op, address, data));
            if (!SimWire.readFully(channel, response)) {
                throw new DeviceException(device, operation, "the simulator closed the connection");
            }
        } catch (IOException e) {
            throw new DeviceException(device, operation, e.toString(), e);
        }
        int status = Byte.toUnsignedInt(response.get());
        int value = response.getInt();
        if (status != SimStatus.OK.code()) {
            throw new DeviceException(device, operation, SimStatus.describe(status));
        }
        return value;
    }

    private void closeQuietly() {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing a socket we are done with: there is nothing left to do about a failure.
        }
    }
}
