package flowswitch.sim.cli;

import flowswitch.sim.tap.BridgeStats;
import flowswitch.sim.testbed.Testbed;
import flowswitch.sim.testbed.TestbedHost;
import flowswitch.sim.testbed.TestbedLayout;
import flowswitch.sim.testbed.TestbedStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "testbed", mixinStandardHelpOptions = true,
        description = {"Real Linux hosts talking TCP through the simulated switch (root; see sim/README-testbed.md):",
                "a client namespace on the uplink port and N server namespaces sharing the VIP, each with an HTTP",
                "server answering with its name; the switch runs in the background and fsctl reaches it."},
        subcommands = {TestbedCommand.Up.class, TestbedCommand.Down.class, TestbedCommand.Status.class})
final class TestbedCommand {

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = "Create the namespaces, start the switch and the web servers, check the VIP answers.")
    static final class Up implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--servers", defaultValue = "3", description = "Server namespaces (default: ${DEFAULT-VALUE}).")
        int servers;

        @Option(names = "--config-out", paramLabel = "FILE", description = "Also write the switch config there.")
        Path configOut;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            TestbedLayout layout = new TestbedLayout(servers);
            Testbed testbed = Testbed.standard();
            testbed.up(layout, Optional.ofNullable(configOut), out::println);
            out.printf("%ntestbed up: %d servers behind %s%n", servers, layout.url());
            hosts(out, layout);
            Path socket = testbed.files().socket();
            out.printf("%ntry:%n");
            out.printf("  ip netns exec %s curl %s%n", layout.client().namespace(), layout.url());
            out.printf("  ./fsctl --device sim:%s stats%n", socket);
            out.printf("  ./fsctl --device sim:%s server down --name s1%n", socket);
            out.printf("  ./flowswitch testbed status      ./flowswitch testbed down%n");
            out.printf("the client resolves the VIP by ARP: the switch answers with its MAC %s%n", TestbedLayout.SWITCH_MAC);
            return 0;
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true,
            description = "Remove everything a testbed made (also after a crash): the switch, web servers, namespaces,"
                    + " devices and files.")
    static final class Down implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<String> removed = Testbed.standard().down();
            out.println(removed.isEmpty() ? "no testbed: nothing to remove" : "removed " + String.join(", ", removed));
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Show what of a testbed exists and what the switch has carried.",
                    "Exit status 0 when a testbed is up, 1 otherwise."})
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Testbed testbed = Testbed.standard();
            TestbedStatus status = testbed.status();
            if (status.up()) {
                TestbedLayout layout = status.layout().orElseThrow();
                out.printf("testbed up: %d servers behind %s; switch pid %d; ./fsctl --device sim:%s%n",
                        layout.servers(), layout.url(), status.switchPid().getAsLong(), testbed.files().socket());
                hosts(out, layout);
                status.bridge().ifPresent(b -> bridge(out, b));
                return 0;
            }
            if (status.clean()) {
                out.println("no testbed (./flowswitch testbed up starts one)");
            } else {
                out.printf("testbed not (fully) up: namespaces %s, links %s, switch %s, web servers %s;"
                                + " ./flowswitch testbed down removes it%n", status.namespaces(), status.links(),
                        status.switchPid().isPresent() ? "pid " + status.switchPid().getAsLong() : "not running",
                        status.webServers());
            }
            return FlowSwitchCli.FAILED;
        }
    }

    private static void hosts(PrintWriter out, TestbedLayout layout) {
        out.printf("  %-7s %-10s %-6s %-5s %-13s %s%n", "host", "namespace", "link", "port", "address", "mac");
        for (TestbedHost h : layout.hosts()) {
            out.printf("  %-7s %-10s %-6s %-5d %-13s %s%n", h.name(), h.namespace(), h.link(), h.port(), h.address(),
                    h.mac());
        }
    }

    private static void bridge(PrintWriter out, BridgeStats b) {
        out.printf("bridge: %d frames in, %d out, %d dropped; %d cycles simulated at %.0f cycles/s while active%n",
                b.framesIn(), b.framesOut(), b.framesDropped(), b.cycles(), b.cyclesPerSecond());
    }
}
