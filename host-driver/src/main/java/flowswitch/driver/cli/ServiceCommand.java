package flowswitch.driver.cli;

import flowswitch.config.Ipv4Address;
import flowswitch.config.Protocol;
import flowswitch.config.Scheduler;
import flowswitch.config.ServerDownPolicy;
import flowswitch.config.ServiceConfig;
import flowswitch.driver.api.NamedService;
import flowswitch.driver.api.ServiceEntry;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "service", description = "List and change the virtual services (VIP, protocol, port, scheduler).",
        subcommands = {ServiceCommand.ListServices.class, ServiceCommand.AddService.class,
                ServiceCommand.SetService.class, ServiceCommand.DeleteService.class})
final class ServiceCommand {
    @Mixin
    private HelpOption help;
    @ParentCommand
    private Fsctl fsctl;

    /** The JSON shape of one row of {@code service list}. */
    record ServiceView(int slot, String name, String vip, String protocol, int port, String scheduler,
                       String onServerDown, int servers) {
        static ServiceView of(NamedService service) {
            ServiceEntry e = service.entry();
            return new ServiceView(service.slot(), service.name(), e.vip().toString(), Spelling.of(e.protocol()),
                    e.port(), Spelling.of(e.scheduler()), Spelling.of(e.onServerDown()), service.servers());
        }
    }

    @Command(name = "list", description = "List the enabled services, in the order they match frames.")
    static final class ListServices implements Runnable {
        @Mixin
        private HelpOption help;
        @ParentCommand
        private ServiceCommand service;
        @Spec
        private CommandSpec spec;
        @Mixin
        private JsonOption output;

        @Override
        public void run() {
            List<ServiceView> views;
            try (Session session = service.fsctl.open()) {
                views = session.balancer().services().stream().map(ServiceView::of).toList();
            }
            PrintWriter out = spec.commandLine().getOut();
            if (output.json) {
                Json.print(out, views);
                return;
            }
            Table table = new Table("SLOT", "NAME", "VIP", "PROTOCOL", "PORT", "SCHEDULER", "ON_SERVER_DOWN",
                    "SERVERS");
            views.forEach(v -> table.row(v.slot(), v.name(), v.vip(), v.protocol(), v.port() == 0 ? "any" : v.port(),
                    v.scheduler(), v.onServerDown(), v.servers()));
            table.print(out);
        }
    }

    @Command(name = "add", description = "Add a service, without servers, in the first free slot that keeps it"
            + " from hiding or being hidden by another service of the same VIP.")
    static final class AddService implements Runnable {
        @Mixin
        private HelpOption help;
        @ParentCommand
        private ServiceCommand service;
        @Spec
        private CommandSpec spec;
        @Option(names = "--name", required = true, description = "The new service's name.")
        private String name;
        @Option(names = "--vip", required = true, converter = Converters.Ipv4s.class,
                description = "The virtual IP, like 192.0.2.10.")
        private Ipv4Address vip;
        @Option(names = "--protocol", required = true, converter = Converters.Protocols.class,
                description = "tcp or udp.")
        private Protocol protocol;
        @Option(names = "--port", defaultValue = "0",
                description = "The destination port, 1..65535, or 0 for any (default: ${DEFAULT-VALUE}).")
        private int port;
        @Option(names = "--scheduler", defaultValue = "wrr", converter = Converters.Schedulers.class,
                description = "rr, wrr, lc, wlc or mh (default: ${DEFAULT-VALUE}).")
        private Scheduler scheduler;
        @Option(names = "--on-server-down", defaultValue = "reassign", converter = Converters.DownPolicies.class,
                description = "What becomes of a down server's connections: reassign (to a live server) or drop"
                        + " (refused until they end) (default: ${DEFAULT-VALUE}).")
        private ServerDownPolicy onServerDown;

        @Override
        public void run() {
            // ServiceConfig checks the settings with the config file's own rules (name, port range).
            ServiceConfig config = new ServiceConfig(name, vip, protocol, port, scheduler, List.of())
                    .withOnServerDown(onServerDown);
            NamedService added;
            try (Session session = service.fsctl.open()) {
                added = session.balancer().addService(config);
            }
            spec.commandLine().getOut().printf("added service %s in slot %d: %s%n", added.name(), added.slot(),
                    added.entry().summary());
        }
    }

    @Command(name = "set", description = "Change a service in place; what is not given stays as it is. Its servers"
            + " and flows stay.")
    static final class SetService implements Runnable {
        @Mixin
        private HelpOption help;
        @ParentCommand
        private ServiceCommand service;
        @Spec
        private CommandSpec spec;
        @Option(names = "--name", required = true, description = "The service (name or slot<N>).")
        private String name;
        @Option(names = "--vip", converter = Converters.Ipv4s.class, description = "Its new virtual IP.")
        private Ipv4Address vip;
        @Option(names = "--protocol", converter = Converters.Protocols.class, description = "tcp or udp.")
        private Protocol protocol;
        @Option(names = "--port", description = "Its new destination port, 0 for any.")
        private Integer port;
        @Option(names = "--scheduler", converter = Converters.Schedulers.class,
                description = "rr, wrr, lc, wlc or mh (mh: the Maglev table is loaded before the switch).")
        private Scheduler scheduler;
        @Option(names = "--on-server-down", converter = Converters.DownPolicies.class,
                description = "reassign or drop: what becomes of a down server's connections.")
        private ServerDownPolicy onServerDown;

        @Override
        public void run() {
            if (vip == null && protocol == null && port == null && scheduler == null && onServerDown == null) {
                throw new IllegalArgumentException("service set: nothing to change; give --vip, --protocol, --port,"
                        + " --scheduler or --on-server-down");
            }
            UnaryOperator<ServiceEntry> change = e -> {
                ServiceEntry changed = vip == null ? e : e.withVip(vip);
                changed = protocol == null ? changed : changed.withProtocol(protocol);
                changed = port == null ? changed : changed.withPort(port);
                changed = onServerDown == null ? changed : changed.withOnServerDown(onServerDown);
                return scheduler == null ? changed : changed.withScheduler(scheduler);
            };
            NamedService updated;
            try (Session session = service.fsctl.open()) {
                updated = session.balancer().updateService(name, change);
            }
            spec.commandLine().getOut().printf("service %s in slot %d: %s%n", updated.name(), updated.slot(),
                    updated.entry().summary());
        }
    }

    @Command(name = "del", description = "Delete a service and its servers (like ipvsadm -D). The service stops"
            + " matching first, then its servers are removed.")
    static final class DeleteService implements Runnable {
        @Mixin
        private HelpOption help;
        @ParentCommand
        private ServiceCommand service;
        @Spec
        private CommandSpec spec;
        @Option(names = "--name", required = true, description = "The service (name or slot<N>).")
        private String name;

        @Override
        public void run() {
            NamedService removed;
            try (Session session = service.fsctl.open()) {
                removed = session.balancer().deleteService(name);
            }
            spec.commandLine().getOut().printf("deleted service %s from slot %d with its %d server%s%n",
                    removed.name(), removed.slot(), removed.servers(), removed.servers() == 1 ? "" : "s");
        }
    }
}
