package flowswitch.sim.cli;

import flowswitch.config.SwitchConfig;
import flowswitch.sim.device.SimulatedSwitch;
import flowswitch.sim.pcap.PcapRecord;
import flowswitch.sim.replay.Replay;
import flowswitch.sim.replay.ReplayInput;
import flowswitch.sim.replay.ReplayResult;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Feed pcap files into ports of the simulated switch; write DIR/port<N>.pcap for every port and "
                + "DIR/summary.json with the counters read from the device's registers.",
                "Frames from all inputs enter in timestamp order, one at a time, so runs are repeatable."})
final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Switch description (YAML).")
    Path config;

    @Option(names = "--in", required = true, paramLabel = "PORT=FILE",
            description = "A classic pcap (linktype Ethernet) whose frames enter PORT. Repeatable.")
    List<String> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--work", paramLabel = "DIR", description = "Where the generated design goes (default: DIR/build).")
    Path work;

    @Override
    public Integer call() throws Exception {
        SwitchConfig cfg = SwitchConfig.load(config);
        List<ReplayInput> in = inputs.stream().map(ReplayInput::parse).toList();
        List<List<PcapRecord>> records = Replay.readInputs(in, cfg.hardware().ports());
        var w = spec.commandLine().getOut();
        try (SimulatedSwitch sw = SimulatedSwitch.start(cfg, work != null ? work : out.resolve("build"))) {
            ReplayResult r = new Replay(sw).run(in, records, out);
            for (int p = 0; p < r.framesIn().size(); p++) {
                long aborted = r.framesAborted().get(p);
                w.printf("port %d: %d frames in, %d frames out%s -> %s%n", p, r.framesIn().get(p), r.framesOut().get(p),
                        aborted > 0 ? " (" + aborted + " more aborted: late errors, not written)" : "",
                        out.resolve("port" + p + ".pcap"));
            }
            if (r.emptyRecords() > 0) w.printf("%d empty pcap records skipped%n", r.emptyRecords());
            w.printf("%d cycles; counters in %s%n", r.cycles(), out.resolve("summary.json"));
        }
        return 0;
    }
}
