package flowswitch.sim.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import flowswitch.sim.tap.BridgeStats;
import flowswitch.sim.tap.BridgeStatsFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Requests per second and connection setup time through the simulated switch, and the simulation's speed while it
 * carries them: a testbed of three servers, {@code load.py} in the client namespace opening one connection per
 * request, sequentially and then four at a time. Run with
 * {@code mvn -q -B -o -pl sim test -Dsurefire.excludedGroups= -Dgroups=bench -Dtest=TestbedBench} (root); the table
 * goes to target/surefire-reports/flowswitch.sim.testbed.TestbedBench-output.txt.
 */
@Tag("bench")
class TestbedBench {
    private static final int REQUESTS = 300;
    private static final int[] PARALLEL = {1, 4};

    @Test
    void requestsPerSecondAndConnectionSetupThroughTheSimulatedSwitch() throws Exception {
        Optional<String> missing = HostRequirements.missing();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "skipped: " + missing.orElse(""));
        Testbed testbed = Testbed.standard();
        TestbedLayout layout = new TestbedLayout(3);
        testbed.up(layout, Optional.empty(), System.out::println);
        try {
            Path script = Path.of(TestbedBench.class.getResource("load.py").toURI());
            System.out.printf("%n%-9s %9s %7s %9s %18s %18s %13s %14s%n", "parallel", "requests", "errors", "req/s",
                    "connect ms p50/p90", "request ms p50/p90", "sim cycles/s", "cycles/request");
            for (int parallel : PARALLEL) {
                BridgeStats before = settledStats(testbed);
                ExternalCommand.Result r = HostNetwork.exec(layout.client().namespace(), Duration.ofMinutes(10),
                        "python3", script.toString(), layout.url(), Integer.toString(REQUESTS),
                        Integer.toString(parallel));
                assertTrue(r.ok(), r.output());
                BridgeStats carried = settledStats(testbed).since(before);
                JsonNode load = new ObjectMapper().readTree(r.output());
                System.out.printf("%-9d %9d %7d %9.1f %8.2f / %7.2f %8.2f / %7.2f %13.0f %14.0f%n", parallel,
                        load.get("requests").asInt(), load.get("errors").asInt(),
                        load.get("requests_per_second").asDouble(), load.at("/connect_ms/p50").asDouble(),
                        load.at("/connect_ms/p90").asDouble(), load.at("/request_ms/p50").asDouble(),
                        load.at("/request_ms/p90").asDouble(), carried.cyclesPerSecond(),
                        (double) carried.cycles() / REQUESTS);
                assertEquals(REQUESTS, load.get("requests").asInt(), r.output());
                assertEquals(0, load.get("errors").asInt(), r.output());
            }
        } finally {
            testbed.down();
        }
    }

    /** The bridge's statistics once its file has caught up (it is rewritten each second while they change). */
    private static BridgeStats settledStats(Testbed testbed) throws InterruptedException {
        Thread.sleep(2500);
        return BridgeStatsFile.read(testbed.files().bridgeStats());
    }
}
