package flowswitch.sim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import flowswitch.config.ConfigException;
import flowswitch.config.SwitchConfig;
import flowswitch.driver.api.ConfigChange;
import flowswitch.driver.api.ConfigPlan;
import flowswitch.driver.api.DeviceState;
import flowswitch.driver.api.FlowSwitchDevice;
import flowswitch.driver.api.LoadBalancer;
import flowswitch.driver.names.NamesFile;
import flowswitch.driver.regmap.RegisterMap;
import flowswitch.sim.device.SimulatedSwitch;
import flowswitch.sim.serial.PseudoTerminalPair;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's measurement: for the sim socket and for the serial transport asking for 115200 and for 3,000,000 baud
 * (through a pseudo-terminal into the RTL's UART bridge), the wall time of {@code apply} of a 256-server config onto
 * a fresh device and of the same file again, then register accesses per second. Each transport gets its own freshly
 * reset switch. The results go to {@link #REPORT} (surefire keeps the test's output in a file):
 * <pre>
 * mvn -q -B -o -pl sim test -Dsurefire.excludedGroups= -Dgroups=bench -Dtest=TransportBench
 * cat sim/target/bench/transport-bench.md
 * </pre>
 */
@Tag("bench")
class TransportBench {
    private static final Path REPORT = Path.of("target", "bench", "transport-bench.md");
    private static final List<Transport> TRANSPORTS = List.of(new Transport.SimSocket(),
            new Transport.Serial(115_200), new Transport.Serial(3_000_000));
    private static final int WARMUP_PAIRS = 100;
    private static final int MEASURED_PAIRS = 1000;
    private static final long MODEL_SPEED_CLOCKS = 200_000;

    @Test
    void registerAccessesAndApplyOfA256ServerConfig(@TempDir Path dir) throws Exception {
        assumeTrue(PseudoTerminalPair.socatInstalled(), "socat is not installed (apt-get install socat): the serial"
                + " transport needs it to make pseudo-terminal pairs");
        SwitchConfig config = ClusterConfig.full();
        assertEquals(config.hardware().maxServers(), config.serverSlots().size(), "the config fills the server table");
        assertEquals(config.hardware().maxServices(), config.services().size(), "the config fills the service table");
        Path file = dir.resolve("cluster.yaml");
        Files.writeString(file, config.toYaml());
        String machine = machine();

        List<TransportResult> results = new ArrayList<>();
        for (int i = 0; i < TRANSPORTS.size(); i++) {
            results.add(measure(TRANSPORTS.get(i), file, config, dir.resolve("transport" + i)));
        }
        String report = BenchReport.format(config.hardware(), SimulatedSwitch.UART_CLOCKS_PER_BIT, machine, results);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, report);
        System.out.print(report);
    }

    private static TransportResult measure(Transport transport, Path file, SwitchConfig config, Path dir)
            throws ConfigException {
        try (SimulatedSwitch sw = SimulatedSwitch.start(config.hardware(), dir.resolve("build"));
             Transport.Link link = transport.connect(sw, dir)) {
            RegisterMap map = RegisterMap.load(sw.design().registerMapJson());
            NamesFile names = new NamesFile(dir.resolve(NamesFile.FILE_NAME));

            ApplyRun fresh = apply(link, map, names, file);
            // Read back over the AXI4-Lite port, not through the transport under test.
            DeviceState loaded = sw.device().state();
            assertEquals(fresh.plan().after(), loaded, transport.label() + ": the device differs from the plan");
            assertEquals(config.services().size(), fresh.added(ConfigChange.Service.class), transport.label());
            assertEquals(config.serverSlots().size(), fresh.added(ConfigChange.Server.class), transport.label());

            ApplyRun again = apply(link, map, names, file);
            assertTrue(again.plan().isEmpty(), () -> transport.label() + ": a second apply of the same file found "
                    + again.plan().changes().stream().map(ConfigChange::describe).toList());
            assertEquals(loaded, sw.device().state(), transport.label() + ": the second apply changed the device");

            AccessRate rate = accessRate(link, sw, map.register("SWITCH_MAC_LO").address());
            return new TransportResult(transport, fresh, again, rate, link.retries(), modelClocksPerSecond(sw));
        }
    }

    /** What {@code fsctl apply FILE} does once its JVM is up: open and identify the device, read the file, apply it. */
    private static ApplyRun apply(Transport.Link link, RegisterMap map, NamesFile names, Path file)
            throws ConfigException {
        long start = System.nanoTime();
        try (CountingBus bus = new CountingBus(link.open())) {
            LoadBalancer balancer = new LoadBalancer(FlowSwitchDevice.open(bus, map), names);
            ConfigPlan plan = balancer.apply(SwitchConfig.load(file));
            return new ApplyRun(plan, bus.ops(), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** Half writes, half reads of one register, each read checking the write before it. */
    private static AccessRate accessRate(Transport.Link link, SimulatedSwitch sw, int register) {
        try (CountingBus bus = new CountingBus(link.open())) {
            int restore = bus.read(register);
            for (int i = 0; i < WARMUP_PAIRS; i++) writeAndReadBack(bus, register, i);
            long before = bus.ops().total();
            long clocks = sw.exclusive(model -> model.cycles());
            long start = System.nanoTime();
            for (int i = 0; i < MEASURED_PAIRS; i++) writeAndReadBack(bus, register, 0x5A000000 | i);
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            AccessRate rate = new AccessRate(bus.ops().total() - before, wall,
                    sw.exclusive(model -> model.cycles()) - clocks);
            bus.write(register, restore);
            return rate;
        }
    }

    /** The model stepping with nothing to do, no host in the loop. */
    private static double modelClocksPerSecond(SimulatedSwitch sw) {
        long start = System.nanoTime();
        sw.exclusive(model -> {
            model.step(MODEL_SPEED_CLOCKS);
            return null;
        });
        return MODEL_SPEED_CLOCKS / ((System.nanoTime() - start) / 1e9);
    }

    private static void writeAndReadBack(CountingBus bus, int register, int value) {
        bus.write(register, value);
        assertEquals(value, bus.read(register), "read back over " + bus.device());
    }

    private static String machine() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return String.format("%d cores, load average %.2f at the start.", os.getAvailableProcessors(),
                os.getSystemLoadAverage());
    }
}
