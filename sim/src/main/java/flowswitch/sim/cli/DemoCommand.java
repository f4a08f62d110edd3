package flowswitch.sim.cli;

import flowswitch.sim.demo.DemoChoice;
import flowswitch.sim.demo.HostFacts;
import flowswitch.sim.demo.InProcessScenario;
import flowswitch.sim.demo.TestbedDemo;
import flowswitch.sim.testbed.Testbed;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Show the switch at work: on real hosts when this machine allows it, else in-process; the first line"
                        + " says which, and why:",
                "- as root, with /dev/net/tun, the testbed's tools and curl: a testbed of real Linux hosts (see"
                        + " `flowswitch testbed`); curl in the client opens new connections to the VIP, answered by"
                        + " every server, beside the switch's counters; then one server's HTTP server is killed,"
                        + " fsctl health takes it out of service (timed), and new connections all succeed on the"
                        + " others. The testbed is taken down at the end; one already up is left alone (the demo"
                        + " stops).",
                "- otherwise: generated traffic through the switch inside this process (a few hundred connections to"
                        + " one VIP served by three servers; then one server is marked down through the register bus"
                        + " and new connections avoid it).",
                "Exit status 0 only when every check held."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--in-process", description = "Run the in-process scenario even where the testbed could run.")
    boolean inProcess;

    @Option(names = "--work", paramLabel = "DIR", defaultValue = "out/demo",
            description = "In-process scenario: where the generated design goes (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--connections", defaultValue = "300",
            description = "In-process scenario: connections in the first phase (default: ${DEFAULT-VALUE}).")
    int connections;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        DemoChoice choice = inProcess ? DemoChoice.IN_PROCESS_ASKED : DemoChoice.of(HostFacts.probe());
        out.println("flowswitch demo: " + choice.reason());
        boolean ok = switch (choice.mode()) {
            case TESTBED -> new TestbedDemo(Testbed.standard()).run(out);
            case IN_PROCESS -> new InProcessScenario(work, connections).run(out);
        };
        return ok ? 0 : FlowSwitchCli.FAILED;
    }
}
