package flowswitch.sim.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.config.SwitchConfig;
import flowswitch.driver.api.Counters;
import flowswitch.driver.regmap.Group;
import flowswitch.sim.device.SimulatedSwitch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge with the switch in this JVM (root only): two Linux hosts on ports 0 and 1 of examples/basic.yaml talk
 * UDP through the switch as a learning bridge; what the switch received shows the padding, and the ARP broadcast
 * flooded to ports 2 and 3, which have no TAP, shows as dropped.
 */
class TapBridgeTest {
    private static final String A = "fs-bridge-a";
    private static final String B = "fs-bridge-b";

    @Test
    void hostsOnTwoPortsTalkThroughTheSwitch(@TempDir Path dir) throws Exception {
        RootOnly.assumeAvailable();
        SwitchConfig cfg = SwitchConfig.load(Path.of("../examples/basic.yaml"));
        List<RuntimeException> failures = new CopyOnWriteArrayList<>();
        try (SimulatedSwitch sw = SimulatedSwitch.start(cfg, dir.resolve("build"));
             TapBridge bridge = TapBridge.start(sw, List.of(new TapBinding(0, "fs-b0"), new TapBinding(1, "fs-b1")),
                     failures::add)) {
            try {
                host(A, "fs-b0", "198.18.7.1");
                host(B, "fs-b1", "198.18.7.2");
                Process receiver = new ProcessBuilder("ip", "netns", "exec", B, "python3", "-c",
                        "import socket; s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM);"
                                + " s.bind(('0.0.0.0', 9999)); s.settimeout(20); print(s.recvfrom(100)[0].decode())")
                        .redirectErrorStream(true).start();
                awaitUdpListener();
                RootOnly.run("ip", "netns", "exec", A, "python3", "-c", "import socket;"
                        + " socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'hello', ('198.18.7.2', 9999))");
                assertTrue(receiver.waitFor(30, TimeUnit.SECONDS), "the datagram arrived in time");
                assertEquals("hello", new String(receiver.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());

                Counters c = sw.device().counters();
                long packets = c.get(Group.PORT, 0, "rx_packets");
                assertTrue(packets >= 2, "an ARP request and the datagram came in on port 0: " + packets);
                assertEquals(60 * packets, c.get(Group.PORT, 0, "rx_bytes"),
                        "every frame from A (42-byte ARP, 47-byte datagram) reached the switch padded to 60 bytes");
                assertTrue(bridge.stats().framesDropped() >= 2, "the ARP broadcast flooded to ports 2 and 3, which"
                        + " have no TAP: " + bridge.stats());
                assertTrue(bridge.stats().framesOut() >= 2 && bridge.stats().cycles() > 0, bridge.stats().toString());
                assertEquals(List.of(), failures);
            } finally {
                RootOnly.run("ip", "netns", "delete", A);
                RootOnly.run("ip", "netns", "delete", B);
            }
        }
    }

    /** A namespace whose only link is {@code link}, IPv4 only (nothing else on the wire but what the test sends). */
    private static void host(String namespace, String link, String address) throws Exception {
        RootOnly.run("ip", "netns", "add", namespace);
        RootOnly.run("ip", "netns", "exec", namespace, "sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1",
                "net.ipv6.conf.default.disable_ipv6=1");
        RootOnly.run("ip", "link", "set", link, "netns", namespace);
        RootOnly.run("ip", "-n", namespace, "address", "add", address + "/24", "dev", link);
        RootOnly.run("ip", "-n", namespace, "link", "set", link, "up");
    }

    private static void awaitUdpListener() throws Exception {
        for (int i = 0; i < 100; i++) {
            Process ss = new ProcessBuilder("ip", "netns", "exec", B, "ss", "-Hlun", "sport", "=", ":9999").start();
            if (!new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8).isBlank()) return;
            Thread.sleep(100);
        }
        throw new AssertionError("the receiver did not bind port 9999");
    }
}
