package flowswitch.sim.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import flowswitch.driver.api.CounterValue;
import flowswitch.sim.device.SimulatedSwitch;
import flowswitch.sim.pcap.PcapReader;
import flowswitch.sim.pcap.PcapRecord;
import flowswitch.sim.pcap.PcapWriter;
import flowswitch.sim.verilator.EgressFrame;
import flowswitch.sim.verilator.VerilatedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replays pcap files into a simulated switch and writes what leaves each port as a pcap, plus a summary of the
 * device's counters. Frames from all inputs enter in timestamp order, one after another, so the switch's decisions
 * (and the output) are the same on every run. A frame the switch aborted (tuser on its last beat: a late error, see
 * docs/datapath.md) is not written: a MAC would not have sent it as good. The summary counts it per port.
 */
public final class Replay {
    /** Clock assumed when turning cycles into output timestamps. */
    public static final long CLOCK_HZ = 200_000_000L;
    private static final long QUIET_CYCLES = 2_000;

    private final SimulatedSwitch sw;

    public Replay(SimulatedSwitch sw) {
        this.sw = sw;
    }

    /** Reads every input fully before anything runs, so a bad file fails the replay before any frame moves. */
    public static List<List<PcapRecord>> readInputs(List<ReplayInput> inputs, int ports) throws IOException {
        List<List<PcapRecord>> perInput = new ArrayList<>();
        for (ReplayInput in : inputs) {
            if (in.port() >= ports) {
                throw new IllegalArgumentException("--in " + in.port() + "=" + in.pcap() + ": the switch has ports 0.."
                        + (ports - 1));
            }
            perInput.add(PcapReader.readAll(in.pcap()));
        }
        return perInput;
    }

    public ReplayResult run(List<ReplayInput> inputs, List<List<PcapRecord>> records, Path outDir) throws IOException {
        VerilatedModel model = sw.model();
        int ports = sw.device().hardware().ports();
        record Arrival(int port, PcapRecord record, int order) {}
        List<Arrival> arrivals = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            for (PcapRecord r : records.get(i)) arrivals.add(new Arrival(inputs.get(i).port(), r, arrivals.size()));
        }
        arrivals.sort(Comparator.comparingLong((Arrival a) -> a.record().timestampNanos()).thenComparingInt(Arrival::order));

        long[] in = new long[ports];
        long empty = 0;
        long start = model.cycles();
        long t0 = arrivals.isEmpty() ? 0 : arrivals.get(0).record().timestampNanos();
        model.setSerial(true);
        Files.createDirectories(outDir);
        List<PcapWriter> writers = new ArrayList<>();
        long[] out = new long[ports];
        long[] aborted = new long[ports];
        try {
            for (int p = 0; p < ports; p++) writers.add(PcapWriter.create(outDir.resolve("port" + p + ".pcap")));
            for (Arrival a : arrivals) {
                if (a.record().data().length == 0) {
                    empty++;
                    continue;
                }
                model.pushFrame(a.port(), a.record().data());
                in[a.port()]++;
            }
            if (model.runUntilIdle(Math.max(1_000_000, 10_000L * arrivals.size()), QUIET_CYCLES) < 0) {
                throw new IllegalStateException("the switch did not go idle after the replay: frames are stuck");
            }
            drain(model, writers, out, aborted, t0, start);
        } finally {
            for (PcapWriter w : writers) w.close();
        }
        List<Long> inList = new ArrayList<>();
        List<Long> outList = new ArrayList<>();
        List<Long> abortedList = new ArrayList<>();
        for (int p = 0; p < ports; p++) {
            inList.add(in[p]);
            outList.add(out[p]);
            abortedList.add(aborted[p]);
        }
        ReplayResult result = new ReplayResult(inList, outList, abortedList, model.cycles() - start, empty,
                sw.device().counters());
        writeSummary(outDir.resolve("summary.json"), result);
        return result;
    }

    private static void drain(VerilatedModel model, List<PcapWriter> writers, long[] out, long[] aborted, long t0,
                              long start) throws IOException {
        for (int p = 0; p < writers.size(); p++) {
            for (EgressFrame f : model.popFrames(p)) {
                if (f.aborted()) {
                    aborted[p]++;
                    continue;
                }
                writers.get(p).write(t0 + (f.lastBeatCycle() - start) * 1_000_000_000L / CLOCK_HZ, f.data());
                out[p]++;
            }
        }
    }

    private static void writeSummary(Path file, ReplayResult r) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("cycles", r.cycles());
        root.put("empty_records_skipped", r.emptyRecords());
        ArrayNode ports = root.putArray("frames");
        for (int p = 0; p < r.framesIn().size(); p++) {
            ports.addObject().put("port", p).put("in", r.framesIn().get(p)).put("out", r.framesOut().get(p))
                    .put("aborted", r.framesAborted().get(p));
        }
        ObjectNode counters = root.putObject("counters");
        for (CounterValue v : r.counters().values()) {
            ObjectNode group = counters.has(v.group().jsonName())
                    ? (ObjectNode) counters.get(v.group().jsonName()) : counters.putObject(v.group().jsonName());
            ObjectNode target = v.index() < 0 ? group
                    : group.has(Integer.toString(v.index())) ? (ObjectNode) group.get(Integer.toString(v.index()))
                    : group.putObject(Integer.toString(v.index()));
            target.put(v.name(), v.value());
        }
        root.put("flow_occupancy", r.counters().flowOccupancy());
        root.put("mac_occupancy", r.counters().macOccupancy());
        json.writeValue(file.toFile(), root);
    }
}
