package flowswitch.driver.transport.sim;

import flowswitch.driver.transport.DeviceException;
import flowswitch.driver.transport.RegisterBus;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link RegisterBus} on a Unix domain socket with the sim protocol, so fsctl and other clients reach a
 * simulated device the way they reach a board. Any number of clients may connect; their requests reach the
 * backend one at a time. The backend stays the caller's: closing the server does not close it.
 */
public final class SimSocketServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimSocketServer.class);

    private final Path socket;
    private final String device;
    private final RegisterBus backend;
    private final ServerSocketChannel listener;
    private final Thread acceptor;
    private final List<SocketChannel> clients = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private boolean closed;

    /**
     * Binds {@code socket} and starts serving. A socket file left behind by a server that is gone is replaced;
     * a live server or any other file at that path is refused.
     *
     * @throws DeviceException when the socket cannot be bound
     */
    public SimSocketServer(Path socket, RegisterBus backend) {
        this.socket = socket;
        this.device = "sim:" + socket;
        this.backend = backend;
        removeStaleSocket();
        try {
            listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException e) {
            throw new DeviceException(device, "listen", "cannot create a Unix domain socket: " + e, e);
        }
        try {
            listener.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            closeQuietly(listener);
            throw new DeviceException(device, "listen", "cannot bind the socket: " + e, e);
        }
        acceptor = new Thread(this::acceptLoop, "sim-socket-accept " + socket.getFileName());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public Path socket() {
        return socket;
    }

    /** Stops accepting, disconnects every client, waits for requests in progress and removes the socket file. */
    @Override
    public void close() {
        List<Thread> running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            closeQuietly(listener);
            clients.forEach(SimSocketServer::closeQuietly);
            running = new ArrayList<>(workers);
        }
        running.add(acceptor);
        for (Thread t : running) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.warn("{}: cannot remove the socket file: {}", device, e.toString());
        }
    }

    private void acceptLoop() {
        while (true) {
            SocketChannel client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (!isClosed()) {
                    LOG.error("{}: accept failed, no longer serving: {}", device, e.toString());
                }
                return;
            }
            synchronized (this) {
                if (closed) {
                    closeQuietly(client);
                    return;
                }
                Thread worker = new Thread(() -> serve(client), "sim-socket-client " + socket.getFileName());
                worker.setDaemon(true);
                clients.add(client);
                workers.add(worker);
                worker.start();
            }
        }
    }

    private void serve(SocketChannel client) {
        ByteBuffer request = ByteBuffer.allocate(SimWire.REQUEST_BYTES);
        try (client) {
            while (SimWire.readFully(client, request)) {
                SimWire.writeFully(client, answer(request));
            }
        } catch (IOException e) {
            if (!isClosed()) {
                LOG.warn("{}: client dropped: {}", device, e.toString());
            }
        } finally {
            synchronized (this) {
                clients.remove(client);
                workers.remove(Thread.currentThread());
            }
        }
    }

    private ByteBuffer answer(ByteBuffer request) {
        int opCode = Byte.toUnsignedInt(request.get());
        int address = request.getInt();
        int data = request.getInt();
        var op = SimOp.fromCode(opCode);
        if (op.isEmpty()) {
            return SimWire.response(SimStatus.BAD_OP, 0);
        }
        if (!SimWire.validAddress(address)) {
            return SimWire.response(SimStatus.BAD_ADDRESS, 0);
        }
        // One lock for every client: the backend is a single bus and the model behind it is not thread safe.
        synchronized (backend) {
            try {
                return switch (op.get()) {
                    case READ -> SimWire.response(SimStatus.OK, backend.read(address));
                    case WRITE -> {
                        backend.write(address, data);
                        yield SimWire.response(SimStatus.OK, 0);
                    }
                };
            } catch (RuntimeException e) {
                LOG.error("{}: backend failed {} at 0x{}: {}", device, op.get(), Integer.toHexString(address),
                        e.toString());
                return SimWire.response(SimStatus.DEVICE_ERROR, 0);
            }
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    private void removeStaleSocket() {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new DeviceException(device, "listen", "cannot inspect the socket path: " + e, e);
        }
        if (!attributes.isOther()) {
            throw new DeviceException(device, "listen", "the path exists and is not a socket; remove it or choose"
                    + " another socket path");
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(socket));
            throw new DeviceException(device, "listen", "another simulator is already serving this socket; stop it"
                    + " or choose another socket path");
        } catch (IOException refused) {
            // Nobody answers: the file was left by a server that is gone.
        }
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            throw new DeviceException(device, "listen", "cannot remove the stale socket file: " + e, e);
        }
    }

    private static void closeQuietly(Channel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Shutting down: a channel that fails to close is gone either way.
        }
    }
}
