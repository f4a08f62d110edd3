package flowswitch.driver.transport.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.driver.fake.FakeFlowSwitch;
import flowswitch.driver.fake.Fixtures;
import flowswitch.driver.regmap.RegisterMap;
import flowswitch.driver.transport.DeviceException;
import flowswitch.driver.transport.RegisterBus;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimSocketTest {
    @TempDir
    Path dir;

    private final RegisterMap map = Fixtures.regmap();
    private final FakeFlowSwitch fake = new FakeFlowSwitch(map);

    @Test
    void readsAndWritesReachTheBackend() {
        Path socket = dir.resolve("fs.sock");
        try (SimSocketServer server = new SimSocketServer(socket, fake); SimSocketBus bus = new SimSocketBus(socket)) {
            assertEquals(map.id(), bus.read(map.register("ID").address()));
            assertEquals(map.build(), bus.read(map.register("BUILD").address()));
            int macLo = map.register("SWITCH_MAC_LO").address();
            bus.write(macLo, 0xCAFEF00D);
            assertEquals(0xCAFEF00D, bus.read(macLo));
            assertEquals(List.of(new FakeFlowSwitch.Write("SWITCH_MAC_LO", 0xCAFEF00D)), fake.writes());
            assertEquals("sim:" + socket, bus.device());
        }
        assertFalse(Files.exists(socket), "close() removes the socket file");
        assertFalse(fake.closed(), "the backend stays open: it belongs to the caller");
    }

    @Test
    void speaksTheDocumentedWireFormat() throws Exception {
        Path socket = dir.resolve("fs.sock");
        int macLo = map.register("SWITCH_MAC_LO").address();
        try (SimSocketServer server = new SimSocketServer(socket, fake);
             SocketChannel raw = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            // write: op 2, address, data, big-endian
            raw.write(ByteBuffer.wrap(new byte[] {2, 0, 0, (byte) (macLo >> 8), (byte) macLo, 0x12, 0x34, 0x56, 0x78}));
            assertEquals(List.of(0, 0, 0, 0, 0), response(raw));
            // read: op 1; response: status 0 and the data
            raw.write(ByteBuffer.wrap(new byte[] {1, 0, 0, (byte) (macLo >> 8), (byte) macLo, 0, 0, 0, 0}));
            assertEquals(List.of(0, 0x12, 0x34, 0x56, 0x78), response(raw));
            // unknown op: status 1; unaligned address: status 2
            raw.write(ByteBuffer.wrap(new byte[] {9, 0, 0, 0, 0, 0, 0, 0, 0}));
            assertEquals(1, response(raw).get(0));
            raw.write(ByteBuffer.wrap(new byte[] {1, 0, 0, 0, 2, 0, 0, 0, 0}));
            assertEquals(2, response(raw).get(0));
        }
    }

    @Test
    void errorsNameTheDeviceTheOperationAndTheCause() {
        Path socket = dir.resolve("fs.sock");
        try (SimSocketServer server = new SimSocketServer(socket, fake); SimSocketBus bus = new SimSocketBus(socket)) {
            DeviceException unaligned = assertThrows(DeviceException.class, () -> bus.read(0x202));
            assertEquals("sim:" + socket + ": read 0x202: the address is not a word-aligned address of the 16-bit"
                    + " register space (status 2)", unaligned.getMessage());
            // The fake has no register at 0xfffc: the backend fails and the client hears a device error.
            DeviceException backend = assertThrows(DeviceException.class, () -> bus.write(0xFFFC, 1));
            assertTrue(backend.getMessage().startsWith("sim:" + socket + ": write 0x1 to 0xfffc: the simulated device"
                    + " failed the access"), backend.getMessage());
            // The connection survives errors.
            assertEquals(map.id(), bus.read(map.register("ID").address()));
        }
    }

    @Test
    void connectingWithoutASimulatorSaysSo() {
        Path socket = dir.resolve("nobody.sock");
        DeviceException e = assertThrows(DeviceException.class, () -> new SimSocketBus(socket));
        assertTrue(e.getMessage().startsWith("sim:" + socket + ": connect: no simulator is serving this socket"),
                e.getMessage());
    }

    @Test
    void aClientSeesTheServerGo() {
        Path socket = dir.resolve("fs.sock");
        SimSocketServer server = new SimSocketServer(socket, fake);
        try (SimSocketBus bus = new SimSocketBus(socket)) {
            bus.read(map.register("ID").address());
            server.close();
            DeviceException e = assertThrows(DeviceException.class, () -> bus.read(map.register("ID").address()));
            assertTrue(e.getMessage().startsWith("sim:" + socket + ": read 0x0: "), e.getMessage());
        }
    }

    @Test
    void servesManyClientsOneRequestAtATime() throws Exception {
        Path socket = dir.resolve("fs.sock");
        AtomicBoolean inside = new AtomicBoolean();
        AtomicBoolean overlapped = new AtomicBoolean();
        RegisterBus slowBackend = new RegisterBus() {
            @Override
            public int read(int address) {
                if (!inside.compareAndSet(false, true)) {
                    overlapped.set(true);
                }
                LockSupport.parkNanos(20_000);
                inside.set(false);
                return address * 3;
            }

            @Override
            public void write(int address, int value) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void close() {
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (SimSocketServer server = new SimSocketServer(socket, slowBackend)) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                results.add(pool.submit(() -> {
                    try (SimSocketBus bus = new SimSocketBus(socket)) {
                        for (int a = 0; a < 0x800; a += 4) {
                            if (bus.read(a) != a * 3) {
                                return false;
                            }
                        }
                        return true;
                    }
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get(), "every client got its own answers");
            }
        } finally {
            pool.shutdownNow();
        }
        assertFalse(overlapped.get(), "two requests reached the backend at once");
    }

    @Test
    void replacesAStaleSocketButNotALiveServerOrAnotherFile() throws Exception {
        Path stale = dir.resolve("stale.sock");
        try (ServerSocketChannel gone = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            gone.bind(UnixDomainSocketAddress.of(stale));
        }
        assertTrue(Files.exists(stale), "closing a channel leaves its socket file behind");
        try (SimSocketServer server = new SimSocketServer(stale, fake); SimSocketBus bus = new SimSocketBus(stale)) {
            assertEquals(map.id(), bus.read(map.register("ID").address()));
            DeviceException busy = assertThrows(DeviceException.class, () -> new SimSocketServer(stale, fake));
            assertTrue(busy.getMessage().contains("another simulator is already serving this socket"),
                    busy.getMessage());
        }
        Path regular = Files.writeString(dir.resolve("notes.txt"), "keep me");
        DeviceException e = assertThrows(DeviceException.class, () -> new SimSocketServer(regular, fake));
        assertTrue(e.getMessage().contains("the path exists and is not a socket"), e.getMessage());
        assertEquals("keep me", Files.readString(regular));
    }

    private static List<Integer> response(SocketChannel raw) throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(5);
        while (buffer.hasRemaining()) {
            if (raw.read(buffer) < 0) {
                throw new IllegalStateException("server closed the connection");
            }
        }
        List<Integer> bytes = new ArrayList<>();
        for (byte b : buffer.array()) {
            bytes.add(b & 0xff);
        }
        return bytes;
    }
}
