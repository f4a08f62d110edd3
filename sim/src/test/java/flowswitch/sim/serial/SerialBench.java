package flowswitch.sim.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import flowswitch.config.SwitchConfig;
import flowswitch.driver.regmap.RegisterMap;
import flowswitch.driver.transport.RegisterBus;
import flowswitch.driver.transport.serial.SerialBus;
import flowswitch.driver.transport.serial.SerialSettings;
import flowswitch.driver.transport.sim.SimSocketBus;
import flowswitch.sim.device.ControlSocket;
import flowswitch.sim.device.SimulatedSwitch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Register operations per second over the sim socket and over the UART (through a pseudo-terminal into the RTL's
 * UART bridge), half reads and half writes. On a pseudo-terminal the baud rate is not enforced: the serial numbers
 * measure the host, socat and the simulated bridge; the line-rate bound of a real cable is printed beside them.
 * <p>
 * Surefire's configuration excludes the tag and cannot be overridden from the command line, so run it from the sim
 * directory through {@link #main}:
 * <pre>
 * mvn -q -B -o -pl sim test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
 * cd sim && java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) flowswitch.sim.serial.SerialBench
 * </pre>
 */
@Tag("bench")
class SerialBench {
    private static final int WARMUP = 200;
    private static final int OPERATIONS = 2000;

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("serial-bench");
        try {
            run(dir);
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void registerOperationsPerSecond(@TempDir Path dir) throws Exception {
        assumeTrue(PseudoTerminalPair.socatInstalled(), "socat is not installed (apt-get install socat)");
        run(dir);
    }

    private static void run(Path dir) throws Exception {
        SwitchConfig cfg = SwitchConfig.load(Path.of("../examples/basic.yaml"));
        AtomicReference<RuntimeException> linkFailure = new AtomicReference<>();
        try (SimulatedSwitch sw = SimulatedSwitch.start(cfg, dir.resolve("build"));
             ControlSocket control = ControlSocket.serve(sw, cfg, dir.resolve("fs.sock"));
             PseudoTerminalPair pty = PseudoTerminalPair.create(dir.resolve("tty"));
             UartLink link = UartLink.start(sw, pty.deviceEnd(), linkFailure::set)) {
            int register = RegisterMap.load(sw.design().registerMapJson()).register("SWITCH_MAC_LO").address();
            System.out.printf("%-26s %12s %14s %22s%n", "transport", "ops/s", "us per op", "line bound (ops/s)");
            try (RegisterBus bus = new SimSocketBus(control.socket())) {
                report("sim socket", measure(bus, register), "-");
            }
            for (int baud : new int[] {115_200, 3_000_000}) {
                SerialSettings settings = SerialSettings.defaults(baud);
                try (SerialBus bus = SerialBus.open(pty.hostEnd(), settings)) {
                    double rate = measure(bus, register);
                    double bound = 1e9 / settings.wireTime(18).toNanos();
                    report("serial @" + baud + " (pty)", rate, String.format("%.0f", bound));
                    assertEquals(0, bus.statistics().retries(), bus.statistics().toString());
                }
            }
            assertEquals(null, linkFailure.get());
        }
    }

    private static double measure(RegisterBus bus, int register) {
        for (int i = 0; i < WARMUP; i++) roundTrip(bus, register, i);
        long start = System.nanoTime();
        for (int i = 0; i < OPERATIONS / 2; i++) roundTrip(bus, register, i);
        return OPERATIONS / (Duration.ofNanos(System.nanoTime() - start).toNanos() / 1e9);
    }

    private static void roundTrip(RegisterBus bus, int register, int value) {
        bus.write(register, value);
        assertEquals(value, bus.read(register));
    }

    private static void report(String transport, double opsPerSecond, String bound) {
        System.out.printf("%-26s %12.0f %14.1f %22s%n", transport, opsPerSecond, 1e6 / opsPerSecond, bound);
    }
}
