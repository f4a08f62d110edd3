package flowswitch.sim.tap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.config.Ipv4Address;
import flowswitch.config.MacAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A TAP device against the real kernel (root only): frames in and out, polling, and the errors a user can meet. */
class TapDeviceTest {
    private static final String NAMESPACE = "fs-taptest";
    private static final MacAddress KERNEL_MAC = MacAddress.parse("02:00:00:00:09:01");
    private static final Ipv4Address KERNEL_IP = Ipv4Address.parse("198.18.9.1");
    private static final MacAddress PEER_MAC = MacAddress.parse("02:00:00:00:09:02");
    private static final Ipv4Address PEER_IP = Ipv4Address.parse("198.18.9.2");

    @BeforeEach
    void needsRootAndTun() {
        RootOnly.assumeAvailable();
    }

    /**
     * The host end of the TAP lives in a namespace of its own (as in the testbed), and the kernel there answers an ARP
     * request written to the device: write, poll, read and moving the device across namespaces all work.
     */
    @Test
    void theKernelAnswersAnArpRequestWrittenToTheDevice() throws Exception {
        try (TapDevice tap = TapDevice.open("fs-t0")) {
            RootOnly.run("ip", "netns", "add", NAMESPACE);
            try {
                RootOnly.run("ip", "link", "set", "fs-t0", "netns", NAMESPACE);
                RootOnly.run("ip", "-n", NAMESPACE, "link", "set", "fs-t0", "address", KERNEL_MAC.toString());
                RootOnly.run("ip", "-n", NAMESPACE, "address", "add", KERNEL_IP + "/24", "dev", "fs-t0");
                RootOnly.run("ip", "-n", NAMESPACE, "link", "set", "fs-t0", "up");

                assertTrue(tap.write(arpRequest()));
                byte[] reply = awaitArpReply(tap);
                assertArrayEquals(PEER_MAC.bytes(), Arrays.copyOfRange(reply, 0, 6), "to the asker");
                assertArrayEquals(KERNEL_MAC.bytes(), Arrays.copyOfRange(reply, 22, 28), "sender MAC");
                assertArrayEquals(KERNEL_IP.bytes(), Arrays.copyOfRange(reply, 28, 32), "sender IP");
            } finally {
                RootOnly.run("ip", "netns", "delete", NAMESPACE);
            }
        }
    }

    @Test
    void aFrameForAnInterfaceThatIsDownIsDroppedNotAnError() {
        try (TapDevice tap = TapDevice.open("fs-t1")) {
            assertFalse(tap.write(arpRequest()));
            assertEquals(Optional.empty(), tap.read());
            assertFalse(new TapPoller(List.of(tap)).await(20)[0]);
        }
    }

    @Test
    void theDeviceExistsWhileOpen() {
        Path sys = Path.of("/sys/class/net/fs-t2");
        try (TapDevice tap = TapDevice.open("fs-t2")) {
            assertEquals("fs-t2", tap.name());
            assertTrue(Files.exists(sys));
        }
        assertFalse(Files.exists(sys));
    }

    @Test
    void aDeviceAnotherFileHoldsIsInUse() {
        try (TapDevice first = TapDevice.open("fs-t3")) {
            TapException e = assertThrows(TapException.class, () -> TapDevice.open("fs-t3"));
            assertTrue(e.getMessage().contains("fs-t3 is in use by another process"), e.getMessage());
        }
    }

    @Test
    void anInterfaceThatIsNotATapIsRefused() {
        TapException e = assertThrows(TapException.class, () -> TapDevice.open("lo"));
        assertTrue(e.getMessage().contains("that is not a TAP may exist"), e.getMessage());
    }

    private static byte[] arpRequest() {
        byte[] f = new byte[42];
        Arrays.fill(f, 0, 6, (byte) 0xff);
        System.arraycopy(PEER_MAC.bytes(), 0, f, 6, 6);
        f[12] = 0x08;
        f[13] = 0x06;
        f[15] = 1;              // hardware type Ethernet
        f[16] = 0x08;           // protocol type IPv4
        f[18] = 6;
        f[19] = 4;
        f[21] = 1;              // request
        System.arraycopy(PEER_MAC.bytes(), 0, f, 22, 6);
        System.arraycopy(PEER_IP.bytes(), 0, f, 28, 4);
        System.arraycopy(KERNEL_IP.bytes(), 0, f, 38, 4);
        return f;
    }

    /** Frames the kernel sends until its ARP reply (it may send others first, such as IPv6 neighbour discovery). */
    private static byte[] awaitArpReply(TapDevice tap) {
        TapPoller poller = new TapPoller(List.of(tap));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!poller.await(100)[0]) continue;
            for (Optional<byte[]> f = tap.read(); f.isPresent(); f = tap.read()) {
                byte[] frame = f.get();
                if (frame.length >= 42 && frame[12] == 0x08 && frame[13] == 0x06 && frame[21] == 2) {
                    return frame;
                }
            }
        }
        throw new AssertionError("no ARP reply from the kernel within 5 s");
    }
}
