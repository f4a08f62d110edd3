package flowswitch.driver.cli;

import flowswitch.driver.exporter.DeviceMetrics;
import flowswitch.driver.exporter.Metric;
import flowswitch.driver.exporter.MetricsExporter;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(name = "exporter",
        description = {"Serve the device's counters to Prometheus (text format at /metrics) until stopped.",
                "Per port, per service and per server counters, drops by reason, flow table counters, table"
                        + " occupancy and size, server weights and states; services and servers by name."})
final class ExporterCommand implements Runnable {
    @Mixin
    private HelpOption help;
    @ParentCommand
    private Fsctl fsctl;
    @Spec
    private CommandSpec spec;
    @Option(names = "--listen", defaultValue = "127.0.0.1:9108", converter = ListenAddresses.class,
            paramLabel = "HOST:PORT", description = "Where to listen; port 0 picks a free one (default:"
            + " ${DEFAULT-VALUE}).")
    private InetSocketAddress listen;

    /** {@code HOST:PORT}, the host possibly an IPv6 address in brackets. */
    static final class ListenAddresses implements ITypeConverter<InetSocketAddress> {
        @Override
        public InetSocketAddress convert(String value) {
            int colon = value.lastIndexOf(':');
            String host = colon < 0 ? "" : value.substring(0, colon).replaceAll("^\\[(.*)]$", "$1");
            String port = colon < 0 ? "" : value.substring(colon + 1);
            if (host.isEmpty() || !port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535) {
                throw new TypeConversionException("'" + value + "' is not HOST:PORT with a port 0..65535, like"
                        + " 127.0.0.1:9108");
            }
            InetSocketAddress address = new InetSocketAddress(host, Integer.parseInt(port));
            if (address.isUnresolved()) {
                throw new TypeConversionException("host '" + host + "' of '" + value + "' is not an address this"
                        + " machine can resolve");
            }
            return address;
        }
    }

    @Override
    public void run() {
        String device;
        // Opened once to check the device before listening, then per scrape: the device stays free for other
        // fsctl commands between scrapes, and the exporter outlives a device that goes away and comes back.
        try (Session session = fsctl.open()) {
            device = session.device().name();
        }
        try (MetricsExporter exporter = MetricsExporter.start(listen, this::scrape)) {
            InetSocketAddress at = exporter.address();
            String host = at.getHostString().contains(":") ? "[" + at.getHostString() + "]" : at.getHostString();
            PrintWriter out = spec.commandLine().getOut();
            out.printf("serving the metrics of %s at http://%s:%d%s (Ctrl-C to stop)%n", device, host, at.getPort(),
                    MetricsExporter.PATH);
            out.flush();
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<Metric> scrape() {
        try (Session session = fsctl.open()) {
            return DeviceMetrics.collect(session.balancer());
        }
    }
}
