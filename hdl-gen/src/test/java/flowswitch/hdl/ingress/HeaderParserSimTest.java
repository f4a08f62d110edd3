package flowswitch.hdl.ingress;

import flowswitch.hdl.simtest.SimModels;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every parse rule of docs/datapath.md through the ingress port at both data widths (the header lands on different
 * beats), each {@link ParseCase} with its hand-written expected meta, under random backpressure.
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
                for (ParseCase c : cases) bench.send(c.frame(), c.expected());
            }
            bench.finish(200_000);
        });
    }
}
