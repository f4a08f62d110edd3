package flowswitch.sim.testbed;

import flowswitch.config.Ipv4Address;
import flowswitch.config.MacAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * ARP frames on a testbed host's link through raw packet sockets inside its namespace (Python, which the testbed
 * already needs): sending a frame as that host, and capturing the ARP frames that reach it from the switch.
 */
final class ArpOnTheLink {
    static final int REQUEST = 1;
    static final int REPLY = 2;
    private static final MacAddress BROADCAST = MacAddress.parse("ff:ff:ff:ff:ff:ff");
    private static final MacAddress UNKNOWN = new MacAddress(0);
    private static final int MIN_FRAME = 60;

    private static final String SEND = """
            import socket, sys
            s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
            s.bind((sys.argv[1], 0))
            s.send(bytes.fromhex(sys.argv[2]))
            """;
    /** Prints the ARP frames that arrive (not those the host sends) as hex lines; touches argv[3] once listening. */
    private static final String CAPTURE = """
            import pathlib, socket, sys, time
            s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x0806))
            s.bind((sys.argv[1], 0))
            pathlib.Path(sys.argv[3]).touch()
            end = time.time() + float(sys.argv[2])
            while end > time.time():
                s.settimeout(end - time.time())
                try:
                    frame, address = s.recvfrom(2048)
                except socket.timeout:
                    break
                if address[2] != socket.PACKET_OUTGOING:
                    print(frame.hex(), flush=True)
            """;

    /** One ARP frame as captured: the Ethernet source and the ARP fields the test looks at. */
    record Captured(MacAddress source, int operation, MacAddress senderMac, Ipv4Address senderIp) {
        static Captured of(byte[] f) {
            return new Captured(mac(f, 6), (f[20] & 0xff) << 8 | f[21] & 0xff, mac(f, 22),
                    new Ipv4Address((f[28] & 0xff) << 24 | (f[29] & 0xff) << 16 | (f[30] & 0xff) << 8 | f[31] & 0xff));
        }

        private static MacAddress mac(byte[] f, int at) {
            long v = 0;
            for (int i = 0; i < 6; i++) v = v << 8 | f[at + i] & 0xff;
            return new MacAddress(v);
        }
    }

    /** A capture running in the background. */
    static final class Capture {
        private final CompletableFuture<ExternalCommand.Result> run;

        private Capture(CompletableFuture<ExternalCommand.Result> run) {
            this.run = run;
        }

        /** The ARP frames that arrived while it ran (it ends by itself after its duration). */
        List<Captured> frames() {
            ExternalCommand.Result r = run.join();
            if (!r.ok()) throw new AssertionError("the ARP capture failed: " + r.output());
            return r.output().lines().filter(l -> !l.isBlank()).map(l -> Captured.of(HexFormat.of().parseHex(l)))
                    .toList();
        }
    }

    private ArpOnTheLink() {
    }

    /** Starts capturing on {@code host}'s link for {@code duration} and returns once it listens. */
    static Capture capture(TestbedHost host, Duration duration) throws Exception {
        Path ready = Files.createTempFile("flowswitch-arp-capture", ".ready");
        Files.delete(ready);
        try {
            CompletableFuture<ExternalCommand.Result> run = CompletableFuture.supplyAsync(() -> HostNetwork.exec(
                    host.namespace(), duration.plusSeconds(20), "python3", "-c", CAPTURE, host.link(),
                    Long.toString(duration.toSeconds()), ready.toString()));
            if (!Wait.until(Duration.ofSeconds(15), Duration.ofMillis(50), () -> Files.exists(ready) || run.isDone())
                    || !Files.exists(ready)) {
                throw new AssertionError("the ARP capture on " + host.link() + " did not start: "
                        + (run.isDone() ? run.join().output() : "no sign within 15 s"));
            }
            return new Capture(run);
        } finally {
            Files.deleteIfExists(ready);
        }
    }

    /** {@code host} announces {@code ip} as its own to everyone (a gratuitous ARP). */
    static void announce(TestbedHost host, Ipv4Address ip) {
        send(host, frame(BROADCAST, host.mac(), REQUEST, ip, UNKNOWN, ip));
    }

    /** {@code host} tells {@code to} that {@code ip} is at its MAC (an ARP reply nobody asked it for). */
    static void claim(TestbedHost host, Ipv4Address ip, TestbedHost to) {
        send(host, frame(to.mac(), host.mac(), REPLY, ip, to.mac(), to.address()));
    }

    private static void send(TestbedHost host, byte[] frame) {
        ExternalCommand.Result r = HostNetwork.exec(host.namespace(), ExternalCommand.TIMEOUT, "python3", "-c", SEND,
                host.link(), HexFormat.of().formatHex(frame));
        if (!r.ok()) throw new AssertionError("sending ARP from " + host.name() + " failed: " + r.output());
    }

    /** An ARP frame for IPv4 over Ethernet from {@code sender}, padded to the Ethernet minimum. */
    private static byte[] frame(MacAddress destination, MacAddress sender, int operation, Ipv4Address senderIp,
                                MacAddress targetMac, Ipv4Address targetIp) {
        byte[] f = new byte[MIN_FRAME];
        put(f, 0, destination.bytes());
        put(f, 6, sender.bytes());
        put(f, 12, new byte[] {0x08, 0x06, 0x00, 0x01, 0x08, 0x00, 6, 4, 0, (byte) operation});
        put(f, 22, sender.bytes());
        put(f, 28, senderIp.bytes());
        put(f, 32, targetMac.bytes());
        put(f, 38, targetIp.bytes());
        return f;
    }

    private static void put(byte[] f, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, f, at, bytes.length);
    }
}
