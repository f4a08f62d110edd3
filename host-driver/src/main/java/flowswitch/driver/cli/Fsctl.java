package flowswitch.driver.cli;

import flowswitch.driver.api.FlowSwitchDevice;
import flowswitch.driver.names.NamesFile;
import flowswitch.driver.regmap.RegisterMap;
import flowswitch.driver.transport.DeviceAddress;
import flowswitch.driver.transport.RegisterBus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fsctl}: the command line over {@link FlowSwitchDevice}. */
@Command(name = "fsctl",
        description = "Control a flowswitch device: identify it, load its services and servers, read its counters.",
        subcommands = {InfoCommand.class, ServerCommand.class, ServiceCommand.class, StatsCommand.class,
                ApplyCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:device or runtime error", "2:usage error or bad input; nothing was changed"})
public final class Fsctl {
    static final String REGMAP_ENV = "FSCTL_REGMAP";

    private final Map<String, String> env;

    @Mixin
    private HelpOption help;

    // Checked when a verb opens the device rather than by picocli, so `fsctl server add --help` works without it.
    @Option(names = "--device", paramLabel = "sim:PATH",
            description = "Required. The device: sim:PATH (a simulator's socket). serial:/dev/ttyX[@baud] and pcie:BDF are"
                    + " not supported yet.")
    private String device;

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
        ErrorReporter errors = new ErrorReporter();
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
            throw new IllegalArgumentException("no device given: add --device sim:PATH before the verb");
        }
        DeviceAddress address = DeviceAddress.parse(device);
        Path mapFile = registerMapFile(address);
        RegisterMap map = RegisterMap.load(mapFile);
        RegisterBus bus = address.open();
        try {
            return new Session(bus, FlowSwitchDevice.open(bus, map), NamesFile.nextTo(mapFile));
        } catch (RuntimeException e) {
            bus.close();
            throw e;
        }
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
