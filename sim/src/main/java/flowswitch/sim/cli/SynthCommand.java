package flowswitch.sim.cli;

import flowswitch.config.HardwareParams;
import flowswitch.config.SwitchConfig;
import flowswitch.hdl.synth.Board;
import flowswitch.hdl.synth.BoardDesign;
import flowswitch.hdl.synth.Checkout;
import flowswitch.hdl.synth.SynthRequest;
import flowswitch.hdl.synth.SynthResult;
import flowswitch.hdl.synth.Synthesizer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Synthesize the switch for a board and write manifest.json beside the outputs.",
                "ice40-hx8k: Yosys, nextpnr-ice40 and icepack build the bitstream here.",
                "netfpga-1g-cml, netfpga-sume: Vivado runs the full flow when it is on the PATH; without it, Yosys"
                        + " synth_xilinx gives a resource estimate and no bitstream."})
final class SynthCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--board", required = true, paramLabel = "BOARD",
            description = "ice40-hx8k, netfpga-1g-cml or netfpga-sume.")
    String board;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Switch description (YAML); its hardware: section is built. Default: the board's own"
                    + " (the reduced switch on the iCE40, the defaults at the board's width elsewhere).")
    Path config;

    @Option(names = "--design", paramLabel = "DESIGN", defaultValue = "switch",
            description = "switch (default), or phy-test on ice40-hx8k: a two-port repeater on the same pins.")
    String design;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output directory. Default: bitstreams/BOARD/out in the checkout.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Board target = Board.byId(board);
        BoardDesign what = BoardDesign.byId(design);
        HardwareParams hw = config == null ? target.defaultHardware() : SwitchConfig.load(config).hardware();
        Path repo = Checkout.locate(Path.of(""));
        Path outDir = out != null ? out : SynthRequest.defaultOutDir(repo, target);
        PrintWriter w = spec.commandLine().getOut();
        SynthResult result = new Synthesizer(w).synthesize(new SynthRequest(target, what, hw, repo, outDir));
        report(w, result);
        return result.outcome().succeeded() ? 0 : FlowSwitchCli.FAILED;
    }

    private static void report(PrintWriter w, SynthResult result) {
        w.printf("%nresult: %s (%s)%n", result.outcome().id(), result.top());
        w.println("utilization:");
        result.utilization().forEach(u -> w.println("  " + u));
        if (!result.timing().isEmpty()) {
            w.println("timing (achieved Fmax against each clock's target):");
            result.timing().forEach(t -> w.println("  " + t));
        }
        result.noTimingReason().ifPresent(reason -> w.println("timing: none (" + reason + ")"));
        result.bitstream().ifPresent(b -> w.println("bitstream: " + b));
        result.notes().forEach(n -> w.println("note: " + n));
        w.println("manifest: " + result.manifest());
    }
}
