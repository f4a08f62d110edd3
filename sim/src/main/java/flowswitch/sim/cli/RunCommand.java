package flowswitch.sim.cli;

import flowswitch.config.SwitchConfig;
import flowswitch.sim.device.ControlSocket;
import flowswitch.sim.device.SimulatedSwitch;
import flowswitch.sim.serial.PseudoTerminalPair;
import flowswitch.sim.serial.UartLink;
import flowswitch.sim.tap.BridgeStatsFile;
import flowswitch.sim.tap.TapBinding;
import flowswitch.sim.tap.TapBridge;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the simulated switch and serve its register bus on a local socket for fsctl:",
                "  ./fsctl --device sim:PATH info",
                "The register map is written next to the socket (regmap.json), where fsctl looks for it.",
                "With --uart TTY the switch's UART bridge is reachable too, through a pseudo-terminal (needs socat):",
                "  ./fsctl --device serial:TTY --regmap DIR/regmap.json info",
                "With --tap PORT=IFNAME a port's wire is a TAP device: real Linux hosts talk through the switch",
                "(see sim/README-testbed.md, or let `flowswitch testbed up` set it all up)."})
final class RunCommand implements Callable<Integer> {
    private static final long CLOSE_TIMEOUT_SECONDS = 10;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Switch description (YAML).")
    Path config;

    @Option(names = "--control", required = true, paramLabel = "PATH", description = "Unix socket to serve.")
    Path control;

    @Option(names = "--uart", paramLabel = "TTY",
            description = "Also connect the switch's UART pins to a pseudo-terminal linked at TTY (a serial port for"
                    + " fsctl; the simulated UART runs at " + SimulatedSwitch.UART_CLOCKS_PER_BIT + " clocks per bit,"
                    + " whatever baud fsctl asks for).")
    Path uart;

    @Option(names = "--tap", paramLabel = "PORT=IFNAME",
            description = "Connect port PORT to the TAP device IFNAME (created if missing; needs root): frames flow both"
                    + " ways while the clock runs. Repeatable, one per port. What the bridge carries and the simulated"
                    + " cycles per second are kept in bridge.json next to the socket.")
    List<String> taps = new ArrayList<>();

    @Option(names = "--work", paramLabel = "DIR", description = "Where the generated design goes (default: next to the socket).")
    Path work;

    @Override
    public Integer call() throws Exception {
        SwitchConfig cfg = SwitchConfig.load(config);
        List<TapBinding> tapBindings = taps.stream().map(TapBinding::parse).toList();
        if (!tapBindings.isEmpty()) {
            TapBinding.checkAll(tapBindings, cfg.hardware().ports());
        }
        Path dir = control.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<IllegalStateException> failure = new AtomicReference<>();
        Function<String, Consumer<RuntimeException>> stopOnFailure = what -> e -> {
            failure.compareAndSet(null, new IllegalStateException(what + " stopped: " + e.getMessage(), e));
            stop.countDown();
        };
        // The TAP devices open before the socket appears: whoever waits for the socket finds the devices there too.
        try (SimulatedSwitch sw = SimulatedSwitch.start(cfg, work != null ? work : dir.resolve("build"));
             TapEnd tapped = tapBindings.isEmpty() ? null
                     : TapEnd.open(sw, tapBindings, dir.resolve("bridge.json"), stopOnFailure.apply("the TAP bridge"));
             ControlSocket server = ControlSocket.serve(sw, cfg, control);
             UartEnd serial = uart == null ? null : UartEnd.open(sw, uart, stopOnFailure.apply("the UART link"))) {
            // On Ctrl-C the JVM ends when its hooks do: this one waits until the socket, the pseudo-terminal and
            // socat are gone, so none is left behind.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop.countDown();
                awaitQuietly(closed);
            }));
            out.printf("serving %s (build 0x%08x) on %s; Ctrl-C stops%n", sw.design().topName(),
                    cfg.hardware().buildHash(), control);
            if (tapped != null) {
                out.printf("bridging %s (port=TAP device); statistics in %s%n", tapBindings, dir.resolve("bridge.json"));
            }
            if (serial != null) {
                out.printf("UART bridge on %s: ./fsctl --device serial:%s --regmap %s info%n", uart, uart,
                        dir.resolve("regmap.json"));
            }
            stop.await();
        } finally {
            closed.countDown();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return 0;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The TAP bridge and the file that shows what it carries. */
    private record TapEnd(TapBridge bridge, BridgeStatsFile stats) implements AutoCloseable {
        static TapEnd open(SimulatedSwitch sw, List<TapBinding> taps, Path statsFile, Consumer<RuntimeException> onFailure) {
            TapBridge bridge = TapBridge.start(sw, taps, onFailure);
            try {
                return new TapEnd(bridge, BridgeStatsFile.start(bridge, statsFile));
            } catch (RuntimeException e) {
                bridge.close();
                throw e;
            }
        }

        @Override
        public void close() {
            bridge.close();
            stats.close();
        }
    }

    /** The pseudo-terminal pair and the link that moves bytes between its device end and the model. */
    private record UartEnd(PseudoTerminalPair pair, UartLink link) implements AutoCloseable {
        static UartEnd open(SimulatedSwitch sw, Path tty, Consumer<RuntimeException> onFailure) {
            PseudoTerminalPair pair = PseudoTerminalPair.create(tty);
            try {
                return new UartEnd(pair, UartLink.start(sw, pair.deviceEnd(), onFailure));
            } catch (RuntimeException e) {
                pair.close();
                throw e;
            }
        }

        @Override
        public void close() {
            link.close();
            pair.close();
        }
    }
}
