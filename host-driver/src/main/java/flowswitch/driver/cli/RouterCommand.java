package flowswitch.driver.cli;

import flowswitch.config.MacAddress;
import flowswitch.config.RouterConfig;
import flowswitch.config.RouterState;
import flowswitch.driver.api.LoadBalancer;
import flowswitch.driver.api.NamedRouter;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "router", description = "List and change the router pool: servers' frames to a router marked down go"
        + " to a live router instead.",
        subcommands = {RouterCommand.ListRouters.class, RouterCommand.AddRouter.class, RouterCommand.DeleteRouter.class,
                RouterCommand.Up.class, RouterCommand.Down.class})
final class RouterCommand {
    @Mixin
    private HelpOption help;
    @ParentCommand
    private Fsctl fsctl;

    /** The JSON shape of one row of {@code router list}. */
    record RouterView(int slot, String name, String mac, String state) {
        static RouterView of(NamedRouter router) {
            return new RouterView(router.slot(), router.name(), router.entry().mac().toString(),
                    Spelling.of(router.entry().state()));
        }
    }

    @Command(name = "list", description = "List the routers the device holds.")
    static final class ListRouters implements Runnable {
        @Mixin
        private HelpOption help;
        @ParentCommand
        private RouterCommand router;
        @Spec
        private CommandSpec spec;
        @Mixin
        private JsonOption output;

        @Override
        public void run() {
            List<RouterView> views;
            try (Session session = router.fsctl.open()) {
                views = session.balancer().routers().stream().map(RouterView::of).toList();
            }
            PrintWriter out = spec.commandLine().getOut();
            if (output.json) {
                Json.print(out, views);
                return;
            }
            Table table = new Table("SLOT", "NAME", "MAC", "STATE");
            views.forEach(v -> table.row(v.slot(), v.name(), v.mac(), v.state()));
            table.print(out);
        }
    }

    @Command(name = "add", description = "Add a router, in the first free router slot.")
    static final class AddRouter implements Runnable {
        @Mixin
        private HelpOption help;
        @ParentCommand
        private RouterCommand router;
        @Spec
        private CommandSpec spec;
        @Option(names = "--name", required = true, description = "The new router's name.")
        private String name;
        @Option(names = "--mac", required = true, converter = Converters.Macs.class,
                description = "The router's MAC, like 02:00:00:00:09:01.")
        private MacAddress mac;
        @Option(names = "--state", defaultValue = "up", converter = Converters.RouterStates.class,
                description = "up or down (default: ${DEFAULT-VALUE}).")
        private RouterState state;

        @Override
        public void run() {
            // RouterConfig checks the settings with the config file's own rules (name, unicast MAC).
            NamedRouter added;
            try (Session session = router.fsctl.open()) {
                added = session.balancer().addRouter(new RouterConfig(name, mac, state));
            }
            spec.commandLine().getOut().printf("added router %s in slot %d: %s%n", added.name(), added.slot(),
                    added.entry().summary());
        }
    }

    /** del, up and down: one router by name, and a line saying what became of it. */
    abstract static class RouterVerb implements Runnable {
        @Mixin
        private HelpOption help;
        @ParentCommand
        private RouterCommand router;
        @Spec
        private CommandSpec spec;
        @Option(names = "--name", required = true, description = "The router (name or slot<N>).")
        private String name;

        abstract String act(LoadBalancer balancer, String name);

        @Override
        public void run() {
            String done;
            try (Session session = router.fsctl.open()) {
                done = act(session.balancer(), name);
            }
            spec.commandLine().getOut().println(done);
        }
    }

    @Command(name = "del", description = "Remove a router: frames to its MAC are bridged like any others.")
    static final class DeleteRouter extends RouterVerb {
        @Override
        String act(LoadBalancer balancer, String name) {
            NamedRouter removed = balancer.deleteRouter(name);
            return "deleted router " + removed.name() + " from slot " + removed.slot();
        }
    }

    /** up and down: set the state and nothing else. */
    abstract static class StateVerb extends RouterVerb {
        abstract RouterState state();

        @Override
        String act(LoadBalancer balancer, String name) {
            NamedRouter updated = balancer.setRouterState(name, state());
            return "router " + updated.name() + " in slot " + updated.slot() + ": " + updated.entry().summary();
        }
    }

    @Command(name = "up", description = "Let the servers' frames reach a router again (state up).")
    static final class Up extends StateVerb {
        @Override
        RouterState state() {
            return RouterState.UP;
        }
    }

    @Command(name = "down", description = "Send the servers' frames for a router to a live router instead (state"
            + " down).")
    static final class Down extends StateVerb {
        @Override
        RouterState state() {
            return RouterState.DOWN;
        }
    }
}
