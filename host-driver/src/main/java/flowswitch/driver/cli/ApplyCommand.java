package flowswitch.driver.cli;

import flowswitch.config.ConfigException;
import flowswitch.config.SwitchConfig;
import flowswitch.driver.api.ConfigChange;
import flowswitch.driver.api.ConfigPlan;
import flowswitch.driver.api.LoadBalancer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "apply",
        description = {"Make the device match a config file (YAML): switch MAC, uplink ports, flow aging (clock_hz,"
                + " flow_timeouts), services and servers.",
                "Shows what differs and writes only that; a second run finds nothing to do. Services and servers"
                        + " keep their slots (found by name, else by VIP/protocol/port or MAC); slots the file does"
                        + " not use are cleared. A file that does not fit the device changes nothing."})
final class ApplyCommand implements Callable<Integer> {
    @Mixin
    private HelpOption help;
    @ParentCommand
    private Fsctl fsctl;
    @Spec
    private CommandSpec spec;
    @Mixin
    private JsonOption output;
    @Parameters(paramLabel = "FILE", description = "The switch config (YAML).")
    private Path file;
    @Option(names = "--dry-run", description = "Show what would change and write nothing.")
    private boolean dryRun;

    /** The JSON shape of one change. */
    record ChangeView(String kind, String target, Integer slot, String name, String description) {
        static ChangeView of(ConfigChange change) {
            String kind = Spelling.of(change.kind());
            if (change instanceof ConfigChange.Service c) {
                return new ChangeView(kind, "service", c.slot(), c.name(), c.describe());
            }
            if (change instanceof ConfigChange.Server c) {
                return new ChangeView(kind, "server", c.slot(), c.service() + "/" + c.name(), c.describe());
            }
            if (change instanceof ConfigChange.Router c) {
                return new ChangeView(kind, "router", c.slot(), c.name(), c.describe());
            }
            String target = change instanceof ConfigChange.SwitchMac ? "switch_mac"
                    : change instanceof ConfigChange.Aging ? "flow_aging" : "uplink_ports";
            return new ChangeView(kind, target, null, null, change.describe());
        }
    }

    /** The JSON shape of {@code apply}. */
    record ApplyView(String file, boolean dryRun, boolean written, List<ChangeView> changes, List<String> notes) {
    }

    @Override
    public Integer call() throws ConfigException {
        SwitchConfig config = SwitchConfig.load(file);
        ConfigPlan plan;
        try (Session session = fsctl.open()) {
            LoadBalancer balancer = session.balancer();
            plan = dryRun ? balancer.plan(config) : balancer.apply(config);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            Json.print(out, new ApplyView(file.toString(), dryRun, !dryRun && !plan.isEmpty(),
                    plan.changes().stream().map(ChangeView::of).toList(), plan.notes()));
            return ExitCode.OK.status();
        }
        plan.notes().forEach(note -> out.println("note: " + note));
        plan.changes().forEach(change -> out.println("  " + change.describe()));
        int n = plan.changes().size();
        String changes = n + " change" + (n == 1 ? "" : "s");
        if (plan.isEmpty()) {
            out.println("no changes: the device already matches " + file);
        } else if (dryRun) {
            out.println("dry run: " + changes + ", nothing written");
        } else {
            out.println("applied " + file + ": " + changes);
        }
        out.flush();
        return ExitCode.OK.status();
    }
}
