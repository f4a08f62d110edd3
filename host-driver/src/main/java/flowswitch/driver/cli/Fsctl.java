package flowswitch.driver.cli;

import flowswitch.driver.api.FlowSwitchDevice;
import flowswitch.driver.api.UnsupportedByDeviceException;
import flowswitch.driver.names.NamesFile;
import flowswitch.driver.regmap.RegisterMap;
import flowswitch.driver.transport.DeviceAddress;
import flowswitch.driver.transport.DeviceLock;
import flowswitch.driver.transport.ExclusiveBus;
import flowswitch.driver.transport.RegisterBus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fsctl}: the command line over {@link FlowSwitchDevice}. */
@Command(name = "fsctl",
        description = "Control a flowswitch device: identify it, load its services and servers, read its counters.",
        subcommands = {InfoCommand.class, ServiceCommand.class, ServerCommand.class, RouterCommand.class,
                StatsCommand.class,
                FlowsCommand.class, ApplyCommand.class, SaveCommand.class, ImportIpvsadmCommand.class,
                ExporterCommand.class, HealthCommand.class, CompletionCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:device or runtime error, or no such flow (flows show, flows del)",
                "2:usage error, bad input, or a verb the device's register map does not support; nothing was"
                        + " changed"})
public final class Fsctl {
    static final String REGMAP_ENV = "FSCTL_REGMAP";
    static final String LOCK_DIR_ENV = "FSCTL_LOCK_DIR";

    private final Map<String, String> env;

    @Mixin
    private HelpOption help;

    // Checked when a verb opens the device rather than by picocli, so `fsctl server add --help` works without it.
    @Option(names = "--device", paramLabel = "DEVICE",
            description = "Required. The device: sim:PATH (a simulator's socket), serial:/dev/ttyX[@baud] (its UART"
                    + " bridge; default 115200 baud), or pcie:BDF such as pcie:0000:03:00.0 (BAR0 through sysfs; also"
                    + " pcie:/dev/xdma0_user).")
    private String device;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long to wait while another fsctl is using the device (default: ${DEFAULT-VALUE}).")
    private int waitSeconds;

    @Option(names = "--regmap", paramLabel = "FILE",
            description = "The device's regmap.json. Default: $" + REGMAP_ENV + ", else regmap.json next to a sim"
                    + " socket.")
    private Path regmap;

    Fsctl(Map<String, String> env) {
        this.env = env;
    }

    public static void main(String[] args) {
        System.exit(execute(System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                args));
    }

    /** Runs fsctl with the given environment and streams; returns the exit status. */
    public static int execute(Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
        ErrorReporter errors = new ErrorReporter("fsctl", List.of(UnsupportedByDeviceException.class),
                List.of(NoSuchFlowException.class));
        return new CommandLine(new Fsctl(env))
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors)
                .execute(args);
    }

    /** Opens the device named by the global options; the caller closes the session. */
    Session open() {
        if (device == null) {
            throw new IllegalArgumentException("no device given: add --device " + DeviceAddress.FORMS + " before the verb");
        }
        if (waitSeconds < 0) {
            throw new IllegalArgumentException("--wait " + waitSeconds + " is negative; give seconds, 0 for no wait");
        }
        DeviceAddress address = DeviceAddress.parse(device);
        Path mapFile = registerMapFile(address);
        RegisterMap map = RegisterMap.load(mapFile);
        // Held until the session closes, so a second fsctl never interleaves its writes with this one's.
        RegisterBus bus = ExclusiveBus.open(address, map, lockDirectory(address), Duration.ofSeconds(waitSeconds));
        try {
            return new Session(bus, FlowSwitchDevice.open(bus, map), NamesFile.nextTo(mapFile));
        } catch (RuntimeException e) {
            bus.close();
            throw e;
        }
    }

    private Path lockDirectory(DeviceAddress address) {
        String fromEnv = env.get(LOCK_DIR_ENV);
        return fromEnv != null && !fromEnv.isEmpty() ? Path.of(fromEnv) : DeviceLock.directoryFor(address);
    }

    private Path registerMapFile(DeviceAddress address) {
        if (regmap != null) {
            return regmap;
        }
        String fromEnv = env.get(REGMAP_ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return Path.of(fromEnv);
        }
        return address.defaultRegisterMap().orElseThrow(() -> new IllegalArgumentException("no register map for "
                + device + ": give --regmap FILE or set " + REGMAP_ENV));
    }
}
