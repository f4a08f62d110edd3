package flowswitch.sim.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code flowswitch}: generate the hardware, simulate it, run the demo. */
@Command(name = "flowswitch", mixinStandardHelpOptions = true, version = "flowswitch 0.1.0",
        description = "Generate, simulate and demonstrate the flowswitch hardware load balancer.",
        subcommands = {GenCommand.class, SimCommand.class, DemoCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:the run failed (tools, simulation, I/O)", "2:usage error or bad input file"})
public final class FlowSwitchCli {

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CliErrors errors = new CliErrors("flowswitch");
        return new CommandLine(new FlowSwitchCli())
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors)
                .execute(args);
    }
}
