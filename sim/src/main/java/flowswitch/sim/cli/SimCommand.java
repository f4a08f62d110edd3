package flowswitch.sim.cli;

import picocli.CommandLine.Command;

@Command(name = "sim", mixinStandardHelpOptions = true, description = "Run the generated switch under Verilator.",
        subcommands = {ReplayCommand.class, RunCommand.class})
final class SimCommand {
}
