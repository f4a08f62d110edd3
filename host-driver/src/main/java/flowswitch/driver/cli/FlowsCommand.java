package flowswitch.driver.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "flows", description = "The flow table: which server each connection is pinned to.",
        subcommands = {FlowsCommand.CountFlows.class, FlowsCommand.FlushFlows.class, FlowsCommand.ListFlows.class,
                FlowsCommand.DeleteFlow.class})
final class FlowsCommand {
    @Mixin
    private HelpOption help;
    @ParentCommand
    private Fsctl fsctl;

    /** The JSON shape of {@code flows count}. */
    record CountView(int flows, int tableSize) {
    }

    @Command(name = "count", description = "How many flows the table holds (FLOW_OCCUPANCY), of how many it can.")
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
            CountView view;
            try (Session session = flows.fsctl.open()) {
                view = new CountView(session.device().flowCount(), session.device().hardware().flowTableSize());
            }
            PrintWriter out = spec.commandLine().getOut();
            if (output.json) {
                Json.print(out, view);
                return;
            }
            out.printf("%d flows in a table of %d%n", view.flows(), view.tableSize());
        }
    }

    @Command(name = "flush", description = "Empty the flow table (FLOW_FLUSH): each connection is assigned a server"
            + " afresh on its next frame, which may be another one.")
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
                before = session.device().flowCount();
                session.device().flushFlows();
            }
            spec.commandLine().getOut().printf("flushed the flow table (%d flows)%n", before);
        }
    }

    @Command(name = "list", description = "List the flows; needs flow table access registers in the register map.")
    static final class ListFlows implements Runnable {
        @Mixin
        private HelpOption help;
        @ParentCommand
        private FlowsCommand flows;

        @Override
        public void run() {
            try (Session session = flows.fsctl.open()) {
                session.device().flowTableAccess().requireEntries("flows list");
            }
        }
    }

    @Command(name = "del", description = "Delete one flow; needs flow table access registers in the register map.")
    static final class DeleteFlow implements Runnable {
        @Mixin
        private HelpOption help;
        @ParentCommand
        private FlowsCommand flows;

        @Override
        public void run() {
            try (Session session = flows.fsctl.open()) {
                session.device().flowTableAccess().requireEntries("flows del");
            }
        }
    }
}
