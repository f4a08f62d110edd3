package flowswitch.driver.cli;

import flowswitch.driver.api.ServerEntry;
import flowswitch.driver.api.ServiceEntry;
import flowswitch.driver.names.SlotNames;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "service", description = "Show the service table.",
        subcommands = ServiceCommand.ListServices.class)
final class ServiceCommand {
    @Mixin
    private HelpOption help;
    @ParentCommand
    private Fsctl fsctl;

    /** The JSON shape of one row of {@code service list}. */
    record ServiceView(int slot, String name, String vip, String protocol, int port, String scheduler, int servers) {
    }

    @Command(name = "list", description = "List the enabled services.")
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
            List<ServiceView> views = new ArrayList<>();
            try (Session session = service.fsctl.open()) {
                SlotNames names = session.names().load();
                List<ServiceEntry> entries = session.device().services();
                List<ServerEntry> servers = session.device().servers();
                for (int slot = 0; slot < entries.size(); slot++) {
                    ServiceEntry e = entries.get(slot);
                    int serviceSlot = slot;
                    if (e.enabled()) {
                        int pool = (int) servers.stream().filter(s -> s.valid() && s.service() == serviceSlot).count();
                        views.add(new ServiceView(slot, names.serviceName(slot), e.vip().toString(),
                                Spelling.of(e.protocol()), e.port(), Spelling.of(e.scheduler()), pool));
                    }
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            if (output.json) {
                Json.print(out, views);
                return;
            }
            Table table = new Table("SLOT", "NAME", "VIP", "PROTOCOL", "PORT", "SCHEDULER", "SERVERS");
            views.forEach(v -> table.row(v.slot(), v.name(), v.vip(), v.protocol(), v.port() == 0 ? "any" : v.port(),
                    v.scheduler(), v.servers()));
            table.print(out);
        }
    }
}
