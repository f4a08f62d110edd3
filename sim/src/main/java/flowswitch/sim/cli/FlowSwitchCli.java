package flowswitch.sim.cli;

import flowswitch.driver.cli.ErrorReporter;
import flowswitch.hdl.synth.SynthException;
import flowswitch.sim.pcap.PcapException;
import flowswitch.sim.verilator.ModelBuildException;
import flowswitch.sim.verilator.SimulationException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code flowswitch}: generate the hardware, simulate it, run the demo. */
@Command(name = "flowswitch", mixinStandardHelpOptions = true, version = "flowswitch 0.1.0",
        description = "Generate, simulate, demonstrate and synthesize the flowswitch hardware load balancer.",
        subcommands = {GenCommand.class, SimCommand.class, BenchCommand.class, DemoCommand.class,
                SynthCommand.class, TestbedCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:the run failed (tools, simulation, I/O)", "2:usage error or bad input file"})
public final class FlowSwitchCli {
    /** Exit status of a run that failed (tools, simulation, I/O). */
    static final int FAILED = 1;

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        ErrorReporter errors = new ErrorReporter("flowswitch", List.of(PcapException.class),
                List.of(SimulationException.class, ModelBuildException.class, IllegalStateException.class,
                        java.io.IOException.class, SynthException.class));
        return new CommandLine(new FlowSwitchCli())
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors)
                .execute(args);
    }
}
