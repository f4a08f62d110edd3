package flowswitch.sim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import flowswitch.config.SwitchConfig;
import flowswitch.sim.bench.Benchmark;
import flowswitch.sim.bench.Result;
import flowswitch.sim.bench.Scenario;
import flowswitch.sim.device.SimulatedSwitch;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure the generated switch under Verilator: every port loaded with back-to-back frames "
                + "(64 B, IMIX, 1518 B), with all-new connections (a SYN flood) and with known ones.",
                "Throughput is in beats per cycle per port (the bus's limit is 1.00) and as a fraction of Ethernet line "
                + "rate; latency is cycles from a frame's first beat in to its first beat out."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Option(names = "--scale", defaultValue = "1", description = "Multiply the frames per run (default: ${DEFAULT-VALUE}).")
    int scale;

    @Option(names = "--data-width", paramLabel = "BITS", defaultValue = "64",
            description = "The switch's data width: 64 or 256 (default: ${DEFAULT-VALUE}).")
    int dataWidth;

    @Option(names = "--work", paramLabel = "DIR", defaultValue = "out/bench",
            description = "Where the generated design goes (default: ${DEFAULT-VALUE}).")
    Path work;

    @Override
    public Integer call() throws Exception {
        if (scale < 1) throw new IllegalArgumentException("--scale must be at least 1, got " + scale);
        PrintWriter out = spec.commandLine().getOut();
        List<Result> results = new ArrayList<>();
        double occupancy;
        SwitchConfig config = Benchmark.config(dataWidth);
        try (SimulatedSwitch sw = SimulatedSwitch.start(config, work)) {
            Benchmark bench = new Benchmark(sw, config);
            for (Scenario s : Scenario.standard(scale)) results.add(bench.run(s));
            occupancy = bench.occupancyAtFirstInsertFailure();
        }
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = mapper.createObjectNode();
            root.put("flow_table_occupancy_at_first_insert_failure", occupancy);
            ArrayNode runs = root.putArray("runs");
            for (Result r : results) {
                runs.addObject().put("frames", r.scenario().traffic()).put("flows", r.scenario().flows())
                        .put("input_beats_per_cycle", r.inputBeatsPerCycle()).put("line_rate", r.lineRate())
                        .put("output_beats_per_cycle", r.outputBeatsPerCycle())
                        .put("latency_min_cycles", r.latencyMin()).put("latency_median_cycles", r.latencyMedian())
                        .put("latency_max_cycles", r.latencyMax()).put("new_flows_per_cycle", r.newFlowsPerCycle())
                        .put("cycles", r.cycles()).put("sim_cycles_per_second", r.simCyclesPerSecond());
            }
            out.println(mapper.writeValueAsString(root));
        } else {
            out.print(Benchmark.table(results));
            out.printf("flow table occupancy at the first insert failure: %.3f%n", occupancy);
        }
        return 0;
    }
}
