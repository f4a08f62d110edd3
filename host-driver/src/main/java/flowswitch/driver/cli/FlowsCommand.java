package flowswitch.driver.cli;

import flowswitch.driver.api.FlowCount;
import flowswitch.driver.api.FlowEntry;
import flowswitch.driver.api.FlowRef;
import flowswitch.driver.api.NamedFlow;
import flowswitch.driver.api.NamedFlowInsert;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "flows", description = "The flow table: which server each connection is pinned to.",
        subcommands = {FlowsCommand.ListFlows.class, FlowsCommand.ShowFlow.class, FlowsCommand.AddFlow.class,
                FlowsCommand.DeleteFlow.class, FlowsCommand.FlushFlows.class, FlowsCommand.CountFlows.class})
final class FlowsCommand {
    @Mixin
    private HelpOption help;
    @ParentCommand
    private Fsctl fsctl;

    /** The JSON shape of one flow. */
    record FlowView(int location, String service, int serviceSlot, String protocol, String client, int clientPort,
                    int vipPort, String server, int serverSlot, String kind, double idleSeconds) {
        static FlowView of(NamedFlow flow) {
            FlowEntry e = flow.entry();
            return new FlowView(e.location(), flow.service(), e.key().service(), Spelling.of(e.key().protocol()),
                    e.key().client().toString(), e.key().clientPort(), e.key().vipPort(), flow.server(), e.server(),
                    Spelling.of(e.kind()), e.idle().toMillis() / 1000.0);
        }
    }

    /** Which connection a verb acts on. */
    static final class Selector {
        @Option(names = "--service", required = true, description = "Its service (name or slot<N>).")
        String service;
        @Option(names = "--client", required = true, paramLabel = "IP:PORT",
                converter = Converters.ClientAddresses.class, description = "The client's address and port.")
        ClientAddress client;
        @Option(names = "--port", paramLabel = "VIP_PORT", description = "The VIP port the client connected to;"
                + " needed only for a service on any port.")
        Integer vipPort;

        FlowRef ref() {
            return new FlowRef(service, client.ip(), client.port(),
                    vipPort == null ? OptionalInt.empty() : OptionalInt.of(vipPort));
        }

        NoSuchFlowException missing() {
            return new NoSuchFlowException("the flow table holds no flow " + ref() + "; `fsctl flows list"
                    + " --service " + service + "` shows its flows");
        }
    }

    @Command(name = "list", description = "List the flows in the table (a dump of every location; under traffic a"
            + " flow that moves may show twice or not at all).")
    static final class ListFlows implements Runnable {
        @Mixin
        private HelpOption help;
        @ParentCommand
        private FlowsCommand flows;
        @Spec
        private CommandSpec spec;
        @Mixin
        private JsonOption output;
        @Option(names = "--service", description = "Only the flows of this service.")
        private String service;
        @Option(names = "--server", paramLabel = "NAME", description = "Only the flows pinned to servers of this"
                + " name (in --service when given).")
        private String server;

        @Override
        public void run() {
            List<FlowView> views;
            try (Session session = flows.fsctl.open()) {
                views = session.balancer().flows().list(Optional.ofNullable(service), Optional.ofNullable(server))
                        .stream().map(FlowView::of).toList();
            }
            PrintWriter out = spec.commandLine().getOut();
            if (output.json) {
                Json.print(out, views);
                return;
            }
            print(out, views);
        }
    }

    @Command(name = "show", description = "Show the flow of one connection.")
    static final class ShowFlow implements Runnable {
        @Mixin
        private HelpOption help;
        @ParentCommand
        private FlowsCommand flows;
        @Spec
        private CommandSpec spec;
        @Mixin
        private JsonOption output;
        @Mixin
        private Selector selector;

        @Override
        public void run() {
            Optional<NamedFlow> found;
            try (Session session = flows.fsctl.open()) {
                found = session.balancer().flows().find(selector.ref());
            }
            FlowView view = FlowView.of(found.orElseThrow(selector::missing));
            PrintWriter out = spec.commandLine().getOut();
            if (output.json) {
                Json.print(out, view);
                return;
            }
            print(out, List.of(view));
        }
    }

    @Command(name = "add", description = "Pin a connection to a server of its service: a known one moves there, a"
            + " new one is stored as if its first frame had come now.")
    static final class AddFlow implements Runnable {
        @Mixin
        private HelpOption help;
        @ParentCommand
        private FlowsCommand flows;
        @Spec
        private CommandSpec spec;
        @Mixin
        private Selector selector;
        @Option(names = "--server", required = true, paramLabel = "NAME", description = "The server (name or"
                + " slot<N>) of the service.")
        private String server;

        @Override
        public void run() {
            NamedFlowInsert added;
            try (Session session = flows.fsctl.open()) {
                added = session.balancer().flows().add(selector.ref(), server);
            }
            spec.commandLine().getOut().printf("%s flow %s to server %s at location %d%n",
                    added.replaced() ? "moved" : "added", selector.ref(), added.flow().server(),
                    added.flow().entry().location());
        }
    }

    @Command(name = "del", description = "Delete the flow of one connection; its next frame is scheduled afresh.")
    static final class DeleteFlow implements Runnable {
        @Mixin
        private HelpOption help;
        @ParentCommand
        private FlowsCommand flows;
        @Spec
        private CommandSpec spec;
        @Mixin
        private Selector selector;

        @Override
        public void run() {
            Optional<NamedFlow> deleted;
            try (Session session = flows.fsctl.open()) {
                deleted = session.balancer().flows().delete(selector.ref());
            }
            NamedFlow flow = deleted.orElseThrow(selector::missing);
            spec.commandLine().getOut().printf("deleted flow %s (server %s)%n", selector.ref(), flow.server());
        }
    }

    @Command(name = "flush", description = "Empty the flow table (FLOW_FLUSH) and wait until it is empty: each"
            + " connection is assigned a server afresh on its next frame, which may be another one.")
    static final class FlushFlows implements Runnable {
        @Mixin
        private HelpOption help;
        @ParentCommand
        private FlowsCommand flows;
        @Spec
        private CommandSpec spec;

        @Override
        public void run() {
            int before;
            try (Session session = flows.fsctl.open()) {
                before = session.device().flowTable().count().flows();
                session.device().flowTable().flush();
            }
            spec.commandLine().getOut().printf("flushed the flow table (%d flows)%n", before);
        }
    }

    @Command(name = "count", description = "How many flows the table holds (FLOW_OCCUPANCY), how many of them in the"
            + " stash, of how many it can.")
    static final class CountFlows implements Runnable {
        @Mixin
        private HelpOption help;
        @ParentCommand
        private FlowsCommand flows;
        @Spec
        private CommandSpec spec;
        @Mixin
        private JsonOption output;

        @Override
        public void run() {
            FlowCount count;
            try (Session session = flows.fsctl.open()) {
                count = session.device().flowTable().count();
            }
            PrintWriter out = spec.commandLine().getOut();
            if (output.json) {
                Json.print(out, count);
                return;
            }
            out.printf("%d flows in a table of %d (%d in the stash)%n", count.flows(), count.tableSize(),
                    count.inStash());
        }
    }

    private static void print(PrintWriter out, List<FlowView> views) {
        Table table = new Table("LOCATION", "SERVICE", "PROTO", "CLIENT", "VIP_PORT", "SERVER", "KIND", "IDLE");
        views.forEach(v -> table.row(v.location(), v.service(), v.protocol(), v.client() + ":" + v.clientPort(),
                v.vipPort(), v.server(), v.kind(), String.format(Locale.ROOT, "%.1fs", v.idleSeconds())));
        table.print(out);
    }
}
