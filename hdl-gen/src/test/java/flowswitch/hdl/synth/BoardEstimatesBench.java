package flowswitch.hdl.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The full-size numbers of README "Boards", too slow for the default suite (Yosys takes minutes on each): the
 * NetFPGA tops at their default hardware, and the iCE40 switch at the reduced configuration (which does not fit).
 * Run by hand: {@code mvn -q -B -o -pl hdl-gen test -Dsurefire.excludedGroups= -Dgroups=bench -Dtest=BoardEstimatesBench}.
 */
@Tag("bench")
class BoardEstimatesBench {
    private static SynthResult estimate(Board board, BoardDesign design) {
        Path repo = Checkout.locate(Path.of(""));
        SynthRequest request = new SynthRequest(board, design, board.defaultHardware(), repo,
                Path.of("target/synth/bench", board.id() + "-" + design.id()));
        PrintWriter out = new PrintWriter(System.out, true);
        ElaboratedTop top = BoardTops.generate(board, design, request.hw(), request.outDir().resolve("rtl"));
        // The open flows, also where Vivado is installed: these are the numbers the README quotes.
        SynthFlow flow = board.family() == Board.Family.ICE40 ? new Ice40Flow() : new XilinxEstimateFlow();
        SynthResult result = flow.run(request, top, new ToolRunner(out));
        out.printf("%s %s (%s): %s%n", board.id(), design.id(), request.hw().canonicalText(), result.outcome().id());
        result.utilization().forEach(u -> out.println("  " + u));
        result.notes().forEach(n -> out.println("  note: " + n));
        return result;
    }

    @Test
    void netfpga1gCmlAtDefaultHardware() {
        assertEquals(Outcome.ESTIMATE, estimate(Board.NETFPGA_1G_CML, BoardDesign.SWITCH).outcome());
    }

    @Test
    void netfpgaSumeCoreAtDefaultHardware() {
        assertEquals(Outcome.ESTIMATE, estimate(Board.NETFPGA_SUME, BoardDesign.SWITCH).outcome());
    }

    @Test
    void ice40SwitchAtTheReducedConfiguration() {
        SynthResult result = estimate(Board.ICE40_HX8K, BoardDesign.SWITCH);
        assertTrue(result.outcome() == Outcome.DOES_NOT_FIT || result.outcome() == Outcome.BITSTREAM);
    }
}
