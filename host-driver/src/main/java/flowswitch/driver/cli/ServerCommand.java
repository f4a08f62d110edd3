package flowswitch.driver.cli;

import flowswitch.config.MacAddress;
import flowswitch.config.ServerConfig;
import flowswitch.config.ServerState;
import flowswitch.driver.api.NamedServer;
import flowswitch.driver.api.ServerEntry;
import flowswitch.driver.api.ServerRef;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "server", description = "List and change the servers behind the services.",
        subcommands = {ServerCommand.ListServers.class, ServerCommand.AddServer.class, ServerCommand.SetServer.class,
                ServerCommand.DeleteServer.class, ServerCommand.Drain.class, ServerCommand.Up.class,
                ServerCommand.Down.class})
final class ServerCommand {
    @Mixin
    private HelpOption help;
    @ParentCommand
    private Fsctl fsctl;

    /** The JSON shape of one row of {@code server list}. */
    record ServerView(int slot, String name, String service, int serviceSlot, String mac, int port, int weight,
                      String state, long connections) {
        /** @param connections the slot's active connections, as the hardware counts them */
        static ServerView of(NamedServer server, long connections) {
            ServerEntry e = server.entry();
            return new ServerView(server.slot(), server.name(), server.service(), e.service(), e.mac().toString(),
                    e.port(), e.weight(), Spelling.of(e.state()), connections);
        }
    }

    /** Which server a verb acts on: its name, and its service when the name is used in more than one. */
    static final class Selector {
        @Option(names = "--name", required = true, description = "The server (name or slot<N>).")
        String name;
        @Option(names = "--service", description = "Its service (name or slot<N>); needed when another service has"
                + " a server of the same name.")
        String service;

        ServerRef ref() {
            return new ServerRef(Optional.ofNullable(service), name);
        }
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
        @Option(names = "--service", description = "Only the servers of this service.")
        private String service;

        @Override
        public void run() {
            List<ServerView> views;
            try (Session session = server.fsctl.open()) {
                List<Long> connections = session.balancer().device().connections();
                views = session.balancer().servers().stream()
                        .filter(s -> service == null || s.service().equals(service))
                        .map(s -> ServerView.of(s, connections.get(s.slot()))).toList();
            }
            PrintWriter out = spec.commandLine().getOut();
            if (output.json) {
                Json.print(out, views);
                return;
            }
            Table table = new Table("SLOT", "NAME", "SERVICE", "MAC", "PORT", "WEIGHT", "STATE", "CONNECTIONS");
            views.forEach(v -> table.row(v.slot(), v.name(), v.service(), v.mac(), v.port(), v.weight(), v.state(),
                    v.connections()));
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
        @Option(names = "--name", required = true, description = "The new server's name, unique in its service.")
        private String name;
        @Option(names = "--mac", required = true, converter = Converters.Macs.class,
                description = "The server's MAC, like 02:00:00:00:00:01.")
        private MacAddress mac;
        @Option(names = "--port", required = true, description = "The switch port the server hangs on (a server"
                + " port, not an uplink).")
        private int port;
        @Option(names = "--weight", defaultValue = "1",
                description = "Its share of new flows, 0..65535; 0 takes no new flows (default: ${DEFAULT-VALUE}).")
        private int weight;
        @Option(names = "--state", defaultValue = "up", converter = Converters.States.class,
                description = "up, down or drain (default: ${DEFAULT-VALUE}).")
        private ServerState state;

        @Override
        public void run() {
            // ServerConfig checks the settings with the config file's own rules (name, unicast MAC, weight).
            ServerConfig config = new ServerConfig(name, mac, port, weight, state);
            NamedServer added;
            try (Session session = server.fsctl.open()) {
                added = session.balancer().addServer(service, config);
            }
            spec.commandLine().getOut().printf("added server %s/%s in slot %d%n", added.service(), added.name(),
                    added.slot());
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
        @Mixin
        private Selector selector;
        @Option(names = "--mac", converter = Converters.Macs.class, description = "Its new MAC.")
        private MacAddress mac;
        @Option(names = "--port", description = "Its new switch port.")
        private Integer port;
        @Option(names = "--weight", description = "Its new weight, 0..65535 (0: no new connections); an mh"
                + " service's Maglev table is recomputed and loaded.")
        private Integer weight;
        @Option(names = "--state", converter = Converters.States.class, description = "up, down or drain.")
        private ServerState state;

        @Override
        public void run() {
            if (mac == null && port == null && weight == null && state == null) {
                throw new IllegalArgumentException("server set: nothing to change; give --mac, --port, --weight or"
                        + " --state");
            }
            UnaryOperator<ServerEntry> change = e -> {
                ServerEntry changed = mac == null ? e : e.withMac(mac);
                changed = port == null ? changed : changed.withPort(port);
                changed = weight == null ? changed : changed.withWeight(weight);
                return state == null ? changed : changed.withState(state);
            };
            NamedServer updated;
            try (Session session = server.fsctl.open()) {
                updated = session.balancer().updateServer(selector.ref(), change);
            }
            printUpdated(spec, updated);
        }
    }

    @Command(name = "del", description = "Remove a server: its slot is emptied and its flows move to the other"
            + " servers of its service.")
    static final class DeleteServer implements Runnable {
        @Mixin
        private HelpOption help;
        @ParentCommand
        private ServerCommand server;
        @Spec
        private CommandSpec spec;
        @Mixin
        private Selector selector;

        @Override
        public void run() {
            NamedServer removed;
            try (Session session = server.fsctl.open()) {
                removed = session.balancer().deleteServer(selector.ref());
            }
            spec.commandLine().getOut().printf("deleted server %s/%s from slot %d%n", removed.service(),
                    removed.name(), removed.slot());
        }
    }

    /** drain, up and down: set the state and nothing else. */
    abstract static class StateVerb implements Runnable {
        @Mixin
        private HelpOption help;
        @ParentCommand
        private ServerCommand server;
        @Spec
        private CommandSpec spec;
        @Mixin
        private Selector selector;

        abstract ServerState state();

        @Override
        public void run() {
            NamedServer updated;
            try (Session session = server.fsctl.open()) {
                updated = session.balancer().setServerState(selector.ref(), state());
            }
            printUpdated(spec, updated);
        }
    }

    @Command(name = "drain", description = "Let a server finish its flows but give it no new ones (state drain).")
    static final class Drain extends StateVerb {
        @Override
        ServerState state() {
            return ServerState.DRAIN;
        }
    }

    @Command(name = "up", description = "Give a server new flows again (state up).")
    static final class Up extends StateVerb {
        @Override
        ServerState state() {
            return ServerState.UP;
        }
    }

    @Command(name = "down", description = "Take a server out at once: its flows move to other servers (state down).")
    static final class Down extends StateVerb {
        @Override
        ServerState state() {
            return ServerState.DOWN;
        }
    }

    private static void printUpdated(CommandSpec spec, NamedServer server) {
        spec.commandLine().getOut().printf("server %s/%s in slot %d: %s%n", server.service(), server.name(),
                server.slot(), server.entry().summary());
    }
}
