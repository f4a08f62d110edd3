package flowswitch.driver.cli;

import flowswitch.config.ConfigException;
import flowswitch.config.HardwareParams;
import flowswitch.config.Ipv4Address;
import flowswitch.config.MacAddress;
import flowswitch.config.PortConfig;
import flowswitch.config.PortRole;
import flowswitch.config.SwitchConfig;
import flowswitch.driver.files.AtomicFile;
import flowswitch.driver.ipvsadm.IpvsadmImport;
import flowswitch.driver.ipvsadm.IpvsadmParser;
import flowswitch.driver.ipvsadm.NeighborTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(name = "import-ipvsadm",
        description = {"Turn `ipvsadm-save -n` output into a config file for `fsctl apply`.",
                "Services (-A -t|-u VIP:PORT -s rr|wrr) and direct-routing real servers (-a ... -r RIP -g -w W) carry"
                        + " over; NAT (-m) and tunnel (-i) servers and other schedulers are refused with their line."
                        + " A real server is an IP to LVS but a MAC on a switch port here: give both for each."})
final class ImportIpvsadmCommand implements Callable<Integer> {
    @Mixin
    private HelpOption help;
    @Spec
    private CommandSpec spec;
    @Parameters(paramLabel = "FILE", description = "The ipvsadm-save output; - reads standard input.")
    private String file;
    @Option(names = "--out", paramLabel = "FILE", description = "Write the config here (replaced whole); default:"
            + " standard output.")
    private Path out;
    @Option(names = "--mac", paramLabel = "IP=MAC", converter = {Converters.Ipv4s.class, Converters.Macs.class},
            description = "A real server's MAC, by its IP; repeat for each (wins over --neighbors).")
    private Map<Ipv4Address, MacAddress> macs = new HashMap<>();
    @Option(names = "--neighbors", paramLabel = "FILE",
            description = "Take the MACs from `ip neigh` output (e.g. `ip neigh show dev eth1` on the director).")
    private Path neighbors;
    @Option(names = "--port", paramLabel = "IP=PORT", converter = {Converters.Ipv4s.class, SwitchPorts.class},
            description = "The switch port a real server hangs on, by its IP; repeat for each.")
    private Map<Ipv4Address, Integer> ports = new HashMap<>();
    @Option(names = "--base", paramLabel = "FILE", description = "Take hardware, switch MAC, ports, clock and"
            + " flow timeouts from this config (e.g. `fsctl save` output); its services are replaced.")
    private Path base;
    @Option(names = "--switch-mac", paramLabel = "MAC", converter = Converters.Macs.class,
            description = "Without --base: the switch MAC (the hardware section gets the defaults).")
    private MacAddress switchMac;
    @Option(names = "--uplink", paramLabel = "PORT", split = ",", description = "Without --base: the uplink ports"
            + " (default: 0); the others are server ports.")
    private List<Integer> uplinks;

    static final class SwitchPorts implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            if (!value.matches("[0-9]{1,3}")) {
                throw new TypeConversionException("'" + value + "' is not a switch port number");
            }
            return Integer.parseInt(value);
        }
    }

    @Override
    public Integer call() throws ConfigException, NoSuchFileException {
        IpvsadmImport.Base start = base();
        Map<Ipv4Address, MacAddress> known = new HashMap<>();
        if (neighbors != null) {
            known.putAll(NeighborTable.parse(read(neighbors), neighbors.toString()));
        }
        known.putAll(macs);
        String source = file.equals("-") ? "standard input" : file;
        String rules = file.equals("-") ? standardInput() : read(Path.of(file));
        IpvsadmImport.Result result = IpvsadmImport.convert(IpvsadmParser.parse(rules, source), source, start,
                new IpvsadmImport.ServerAddresses(known, ports));

        result.warnings().forEach(w -> spec.commandLine().getErr().println("fsctl: warning: " + source + ": " + w));
        spec.commandLine().getErr().flush();
        SwitchConfig config = result.config();
        String yaml = "# imported from " + source + " by fsctl import-ipvsadm\n" + config.toYaml();
        if (out == null) {
            spec.commandLine().getOut().print(yaml);
        } else {
            AtomicFile.write(out, yaml);
            spec.commandLine().getOut().printf("wrote %s: %d services, %d servers%n", out, config.services().size(),
                    config.serverSlots().size());
        }
        spec.commandLine().getOut().flush();
        return ExitCode.OK.status();
    }

    private IpvsadmImport.Base base() throws ConfigException {
        if (base != null) {
            if (switchMac != null || uplinks != null) {
                throw new IllegalArgumentException("--switch-mac and --uplink replace --base: give one or the other");
            }
            SwitchConfig config = SwitchConfig.load(base);
            return new IpvsadmImport.Base(config.hardware(), config.switchMac(), config.ports(), config.clockHz(),
                    config.flowTimeouts());
        }
        if (switchMac == null) {
            throw new IllegalArgumentException("the config needs the switch's own MAC: give --switch-mac MAC, or"
                    + " --base FILE to start from a config (such as `fsctl save` output)");
        }
        HardwareParams hardware = HardwareParams.defaults();
        List<Integer> uplinkPorts = uplinks == null ? List.of(0) : uplinks;
        uplinkPorts.stream().filter(p -> p < 0 || p >= hardware.ports()).findFirst().ifPresent(p -> {
            throw new IllegalArgumentException("--uplink " + p + ": the default hardware has ports 0.."
                    + (hardware.ports() - 1) + "; give --base FILE for another build");
        });
        List<PortConfig> portConfigs = IntStream.range(0, hardware.ports())
                .mapToObj(p -> new PortConfig(p, uplinkPorts.contains(p) ? PortRole.UPLINK : PortRole.SERVER))
                .toList();
        return new IpvsadmImport.Base(hardware, switchMac, portConfigs);
    }

    private static String read(Path path) throws NoSuchFileException {
        try {
            return Files.readString(path);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static String standardInput() {
        try {
            return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input: " + e.getMessage(), e);
        }
    }
}
