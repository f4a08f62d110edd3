package flowswitch.driver.cli;

import flowswitch.config.MacAddress;
import flowswitch.config.ServerConfig;
import flowswitch.config.ServerState;
import flowswitch.driver.api.ServerEntry;
import flowswitch.driver.api.ServiceEntry;
import flowswitch.driver.names.SlotNames;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "server", description = "List and change the server table.",
        subcommands = {ServerCommand.ListServers.class, ServerCommand.AddServer.class, ServerCommand.DeleteServer.class,
                ServerCommand.SetServer.class})
final class ServerCommand {
    @Mixin
    private HelpOption help;
    @ParentCommand
    private Fsctl fsctl;

    /** The JSON shape of one row of {@code server list}. */
    record ServerView(int slot, String name, String service, int serviceSlot, String mac, int port, int weight,
                      String state) {
    }

    @Command(name = "list", description = "List the servers the device holds.")
    static final class ListServers implements Runnable {
        @Mixin
        private HelpOption help;
        @ParentCommand
        private ServerCommand server;
        @Spec
        private CommandSpec spec;
        @Mixin
        private JsonOption output;

        @Override
        public void run() {
            List<ServerView> views = new ArrayList<>();
            try (Session session = server.fsctl.open()) {
                SlotNames names = session.names().load();
                List<ServerEntry> entries = session.device().servers();
                for (int slot = 0; slot < entries.size(); slot++) {
                    ServerEntry e = entries.get(slot);
                    if (e.valid()) {
                        views.add(new ServerView(slot, names.serverName(slot), names.serviceName(e.service()),
                                e.service(), e.mac().toString(), e.port(), e.weight(), Spelling.of(e.state())));
                    }
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            if (output.json) {
                Json.print(out, views);
                return;
            }
            Table table = new Table("SLOT", "NAME", "SERVICE", "MAC", "PORT", "WEIGHT", "STATE");
            views.forEach(v -> table.row(v.slot(), v.name(), v.service(), v.mac(), v.port(), v.weight(), v.state()));
            table.print(out);
        }
    }

    @Command(name = "add", description = "Add a server to a service, in the first free server slot.")
    static final class AddServer implements Runnable {
        @Mixin
        private HelpOption help;
        @ParentCommand
        private ServerCommand server;
        @Spec
        private CommandSpec spec;
        @Option(names = "--service", required = true, description = "The service (name or slot<N>).")
        private String service;
        @Option(names = "--name", required = true, description = "The new server's name.")
        private String name;
        @Option(names = "--mac", required = true, description = "The server's MAC, like 02:00:00:00:00:01.")
        private String mac;
        @Option(names = "--port", required = true, description = "The switch port the server hangs on.")
        private int port;
        @Option(names = "--weight", defaultValue = "1",
                description = "Its share of new flows (default: ${DEFAULT-VALUE}).")
        private int weight;
        @Option(names = "--state", defaultValue = "up", converter = ServerStateConverter.class,
                description = "up, down or drain (default: ${DEFAULT-VALUE}).")
        private ServerState state;

        @Override
        public void run() {
            // ServerConfig checks the settings with the config file's own rules (name, unicast MAC, weight).
            ServerConfig config = new ServerConfig(name, MacAddress.parse(mac), port, weight, state);
            try (Session session = server.fsctl.open()) {
                SlotNames names = session.names().load();
                int serviceSlot = enabledService(session, names, service);
                List<ServerEntry> entries = session.device().servers();
                OptionalInt existing = names.findServer(name);
                if (existing.isPresent() && existing.getAsInt() < entries.size()
                        && entries.get(existing.getAsInt()).valid()) {
                    throw new IllegalArgumentException("server '" + name + "' already exists in slot "
                            + existing.getAsInt() + "; use `server set` to change it");
                }
                int slot = IntStream.range(0, entries.size()).filter(s -> !entries.get(s).valid()).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("all " + entries.size() + " server slots"
                                + " are in use; delete a server first"));
                session.device().writeServer(slot, ServerEntry.of(serviceSlot, config));
                session.names().save(names.withServer(slot, name));
                spec.commandLine().getOut().printf("added server %s to service %s in slot %d%n", name,
                        names.serviceName(serviceSlot), slot);
            }
        }
    }

    @Command(name = "del", description = "Remove a server: its slot is emptied.")
    static final class DeleteServer implements Runnable {
        @Mixin
        private HelpOption help;
        @ParentCommand
        private ServerCommand server;
        @Spec
        private CommandSpec spec;
        @Option(names = "--name", required = true, description = "The server (name or slot<N>).")
        private String name;

        @Override
        public void run() {
            try (Session session = server.fsctl.open()) {
                SlotNames names = session.names().load();
                int slot = existingServer(session, names, name);
                session.device().writeServer(slot, ServerEntry.EMPTY);
                session.names().save(names.withoutServer(slot));
                spec.commandLine().getOut().printf("deleted server %s from slot %d%n", name, slot);
            }
        }
    }

    @Command(name = "set", description = "Change a server; what is not given stays as it is.")
    static final class SetServer implements Runnable {
        @Mixin
        private HelpOption help;
        @ParentCommand
        private ServerCommand server;
        @Spec
        private CommandSpec spec;
        @Option(names = "--name", required = true, description = "The server (name or slot<N>).")
        private String name;
        @Option(names = "--service", description = "Move it to this service (name or slot<N>).")
        private String service;
        @Option(names = "--mac", description = "Its new MAC.")
        private String mac;
        @Option(names = "--port", description = "Its new switch port.")
        private Integer port;
        @Option(names = "--weight", description = "Its new weight.")
        private Integer weight;
        @Option(names = "--state", converter = ServerStateConverter.class, description = "up, down or drain.")
        private ServerState state;

        @Override
        public void run() {
            if (service == null && mac == null && port == null && weight == null && state == null) {
                throw new IllegalArgumentException("server set: nothing to change; give --service, --mac, --port,"
                        + " --weight or --state");
            }
            MacAddress newMac = mac == null ? null : MacAddress.parse(mac);
            try (Session session = server.fsctl.open()) {
                SlotNames names = session.names().load();
                int slot = existingServer(session, names, name);
                ServerEntry current = session.device().servers().get(slot);
                int serviceSlot = service == null ? current.service() : enabledService(session, names, service);
                ServerConfig config = new ServerConfig(names.serverName(slot), newMac == null ? current.mac() : newMac,
                        port == null ? current.port() : port, weight == null ? current.weight() : weight,
                        state == null ? current.state() : state);
                session.device().writeServer(slot, ServerEntry.of(serviceSlot, config));
                spec.commandLine().getOut().printf("updated server %s in slot %d%n", names.serverName(slot), slot);
            }
        }
    }

    private static int existingServer(Session session, SlotNames names, String name) {
        List<ServerEntry> entries = session.device().servers();
        OptionalInt slot = names.findServer(name);
        if (slot.isEmpty() || slot.getAsInt() >= entries.size() || !entries.get(slot.getAsInt()).valid()) {
            throw new IllegalArgumentException("no server '" + name + "' on the device; `fsctl server list` shows"
                    + " the servers");
        }
        return slot.getAsInt();
    }

    private static int enabledService(Session session, SlotNames names, String service) {
        List<ServiceEntry> services = session.device().services();
        OptionalInt slot = names.findService(service);
        if (slot.isEmpty() || slot.getAsInt() >= services.size() || !services.get(slot.getAsInt()).enabled()) {
            throw new IllegalArgumentException("no service '" + service + "' on the device; `fsctl service list`"
                    + " shows the services");
        }
        return slot.getAsInt();
    }
}
