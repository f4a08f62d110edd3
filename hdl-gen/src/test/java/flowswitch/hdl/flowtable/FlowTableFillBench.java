package flowswitch.hdl.flowtable;

import static flowswitch.hdl.dsl.HwComponent.build;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.hdl.simtest.SimModels;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How full the shipped table shape (4 ways of four-entry rows, 8-entry stash) gets before the first insert fails,
 * when new connections arrive every 2 clocks (the decision unit's fastest) or with idle clocks between them, which
 * the relocator uses. Prints the load; run with
 * {@code mvn -q -B -o -pl hdl-gen test -Dsurefire.excludedGroups= -Dgroups=bench -Dtest=FlowTableFillBench}.
 */
@Tag("bench")
class FlowTableFillBench {
    private static final int ENTRIES = 4096;

    @ParameterizedTest(name = "{0} idle clocks between new connections")
    @ValueSource(ints = {0, 2, 8})
    void loadAtTheFirstFailedInsert(int gap) {
        FlowTableConfig cfg = FlowTableConfig.of(ENTRIES, 2, 4);
        var model = SimModels.get("FlowTable_fill_" + ENTRIES, () -> build(new FlowTable(cfg)));
        SimModels.run(model, "fill" + gap, 1, dut -> {
            Random random = new Random(5);
            FlowTableDriver t = new FlowTableDriver(dut, cfg, random, 0);
            int inserted = 0;
            while (true) {
                FlowTableDriver.Lookup seen = t.frame(new BigInteger(cfg.keyWidth(), random), true, 1,
                        FlowKind.TCP_ESTABLISHED);
                if (seen.hit()) continue;
                if (!seen.canInsert()) break;
                inserted++;
                t.idle(gap);
            }
            double load = (double) inserted / ENTRIES;
            System.out.printf("flow table fill: %d idle clocks between new connections -> load %.3f at the first"
                    + " failed insert%n", gap, load);
            assertTrue(load > 0.5, "load " + load);
        });
    }
}
