package flowswitch.hdl.ingress;

import flowswitch.hdl.simtest.SimModels;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every parse rule of docs/datapath.md through the ingress port at both data widths (the header lands on different
 * beats, so a case may be decided early at one width and at its end at the other), each {@link ParseCase} with its
 * hand-written expected meta, under random backpressure.
 */
class HeaderParserSimTest {
    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {64, 256})
    void everyParseRuleGivesTheStatusAndFieldsTheDocumentDefines(int dataWidth) {
        int seed = 3 * dataWidth;
        List<ParseCase> cases = ParseCase.all(IngressBench.MAX_FRAME_BYTES);
        SimModels.run(IngressBench.model(dataWidth), "parse_rules", seed, dut -> {
            Random random = new Random(seed);
            IngressBench bench = new IngressBench(dut, dataWidth, random);
            bench.shuffleRates(40);
            // Twice, so that each case also follows every other one (the header registers keep the previous frame's bytes).
            for (int round = 0; round < 2; round++) {
                for (ParseCase c : cases) bench.send(c.frame(), decided(c, dataWidth));
            }
            bench.finish(200_000);
        });
    }

    /**
     * The case's hand-written meta, as the port hands it on: a frame decided at its end as written; one decided early
     * with a late error leaves with status OK (the rest as written) and carries the error, which must be the written
     * status, on its last beat.
     */
    private static ReferenceParser.Decided decided(ParseCase c, int dataWidth) {
        if (!ReferenceParser.decidedEarly(c.frame().bytes(), IngressBench.MAX_FRAME_BYTES, dataWidth / 8)) {
            return new ReferenceParser.Decided(c.expected(), FrameStatus.OK);
        }
        FrameStatus late = ReferenceParser.decide(c.frame(), IngressBench.MAX_FRAME_BYTES, dataWidth / 8).late();
        FrameStatus written = c.expected().status();
        boolean lateError = written == FrameStatus.OVERSIZE || written == FrameStatus.RX_ERROR
                || written == FrameStatus.PARSE_ERROR && late == FrameStatus.PARSE_ERROR;
        if (!lateError) return new ReferenceParser.Decided(c.expected(), late);
        if (late != written) throw new AssertionError(c.name() + ": written " + written + ", the late error is " + late);
        return new ReferenceParser.Decided(new ExpectedMeta(FrameStatus.OK, c.expected().fields()), late);
    }
}
