package flowswitch.sim.bench;

import flowswitch.config.Ipv4Address;
import flowswitch.config.MacAddress;
import flowswitch.config.SwitchConfig;
import flowswitch.driver.api.Counters;
import flowswitch.driver.regmap.Group;
import flowswitch.sim.device.SimulatedSwitch;
import flowswitch.sim.traffic.TcpFrames;
import flowswitch.sim.traffic.TrafficFrame;
import flowswitch.sim.verilator.EgressFrame;
import flowswitch.sim.verilator.VerilatedModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the generated switch flat out on the benchmark's permutation topology (bench.yaml): every port receives
 * back-to-back frames, clients on the uplinks talk to the VIPs, servers answer their routers. Measures what the
 * switch itself allows: input acceptance, output rate, latency per frame, connections learned.
 */
public final class Benchmark {
    /** Ethernet preamble, start delimiter and minimum inter-frame gap, in bytes, that every frame costs on a wire. */
    static final int WIRE_OVERHEAD = 20;
    private static final MacAddress[] ROUTERS = {MacAddress.parse("02:52:00:00:00:00"), MacAddress.parse("02:52:00:00:00:01")};
    private static final int KNOWN_FLOWS_PER_UPLINK = 16;

    private final SimulatedSwitch sw;
    private final SwitchConfig cfg;
    private int nextSequence;

    public Benchmark(SimulatedSwitch sw, SwitchConfig cfg) {
        this.sw = sw;
        this.cfg = cfg;
    }

    public static SwitchConfig config() throws IOException {
        try (InputStream in = Benchmark.class.getResourceAsStream("/flowswitch/sim/bench/bench.yaml")) {
            return SwitchConfig.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bench.yaml");
        } catch (flowswitch.config.ConfigException e) {
            throw new IllegalStateException("the built-in bench.yaml is invalid: " + e.getMessage(), e);
        }
    }

    /** The built-in bench.yaml with its data width (64 bits) replaced. */
    public static SwitchConfig config(int dataWidth) throws IOException {
        SwitchConfig c = config();
        return new SwitchConfig(c.hardware().withDataWidth(dataWidth), c.switchMac(), c.ports(), c.services(),
                c.clockHz(), c.flowTimeouts());
    }


    public Result run(Scenario s) {
        VerilatedModel model = sw.model();
        model.setSerial(false);
        sw.device().flushFlows();
        warmUp(s);
        sw.device().clearCounters();
        int ports = cfg.hardware().ports();
        List<List<byte[]>> perPort = new ArrayList<>();
        for (int p = 0; p < ports; p++) perPort.add(new ArrayList<>());
        for (int i = 0; i < s.framesPerPort(); i++) {
            int size = s.sizes().get(i % s.sizes().size());
            for (int p = 0; p < ports; p++) perPort.get(p).add(frame(p, size, s.newFlows() ? 1000 + i : i % KNOWN_FLOWS_PER_UPLINK));
        }
        long[] stallsBefore = new long[ports];
        for (int p = 0; p < ports; p++) stallsBefore[p] = model.inputStallCycles(p);
        model.recordInputStarts(true);
        Map<Integer, Long> started = new HashMap<>();
        long start = model.cycles();
        long wall = System.nanoTime();
        for (int p = 0; p < ports; p++) for (byte[] f : perPort.get(p)) model.pushFrame(p, f);
        if (model.runUntilIdle(100_000_000L, 200) < 0) throw new IllegalStateException("the switch did not go idle");
        long cycles = model.cycles() - start;
        double seconds = (System.nanoTime() - wall) / 1e9;
        model.recordInputStarts(false);
        for (int p = 0; p < ports; p++) {
            for (byte[] f : perPort.get(p)) {
                long first = model.popInputStart(p).orElseThrow(() -> new IllegalStateException("an input frame was not recorded"));
                started.put(TrafficFrame.sequenceOf(f), first);
            }
        }

        int bytesPerBeat = cfg.hardware().bytesPerBeat();
        long inBeats = 0;
        long stalls = 0;
        long frames = 0;
        long bytes = 0;
        for (int p = 0; p < ports; p++) {
            for (byte[] f : perPort.get(p)) {
                inBeats += beats(f.length, bytesPerBeat);
                bytes += f.length;
                frames++;
            }
            stalls += model.inputStallCycles(p) - stallsBefore[p];
        }
        List<Long> latencies = new ArrayList<>();
        long outBeats = 0;
        long lastOut = start;
        for (int p = 0; p < ports; p++) {
            for (EgressFrame e : model.popFrames(p)) {
                outBeats += beats(e.length(), bytesPerBeat);
                lastOut = Math.max(lastOut, e.lastBeatCycle());
                Long in = started.get(TrafficFrame.sequenceOf(e.data()));
                if (in != null) latencies.add(e.firstBeatCycle() - in);
            }
        }
        if (latencies.size() != frames) {
            throw new IllegalStateException(frames + " frames went in but " + latencies.size() + " came out: the benchmark"
                    + " traffic must all be forwarded; check the switch with the golden-model tests");
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        double inRate = (double) inBeats / (inBeats + stalls);
        double busyCycles = (double) (inBeats + stalls) / ports;
        double framesPerCyclePerPort = frames / busyCycles / ports;
        double lineFramesPerCycle = (double) bytesPerBeat / ((double) bytes / frames + WIRE_OVERHEAD);
        Counters c = sw.device().counters();
        long learned = c.get(Group.FLOW, -1, "inserts") + c.get(Group.FLOW, -1, "insert_fail");
        long span = Math.max(1, lastOut - start);
        return new Result(s, inRate, framesPerCyclePerPort / lineFramesPerCycle, (double) outBeats / span / ports,
                sorted[0], sorted[sorted.length / 2], sorted[sorted.length - 1], (double) learned / span, cycles,
                cycles / seconds);
    }

    /**
     * Floods the flow table with new connections (SYNs back to back on both uplinks, as fast as the switch takes them)
     * and returns its occupancy, as a fraction of its size, when the first connection found no room. The flood goes
     * in batches of 1% of the table, 0.1% once it is 90% full; the result is the occupancy before the batch that saw
     * the first failure, so it is low by at most 0.1% (failures below 90% by at most 1%).
     */
    public double occupancyAtFirstInsertFailure() {
        VerilatedModel model = sw.model();
        model.setSerial(false);
        sw.device().flushFlows();
        sw.device().clearCounters();
        int size = cfg.hardware().flowTableSize();
        int next = 50_000;
        long before = 0;
        while (next < 50_000 + 2 * size) {
            int batch = Math.max(1, before < 0.9 * size ? size / 100 : size / 1000);
            for (int i = 0; i < batch; i++) model.pushFrame(i % 2, frame(i % 2, 64, next++));
            model.runUntilIdle(10_000_000L, 50);
            model.popFrames(2);
            model.popFrames(3);
            Counters c = sw.device().counters();
            if (c.get(Group.FLOW, -1, "insert_fail") > 0) return (double) before / size;
            before = c.flowOccupancy();
        }
        throw new IllegalStateException("no insert failed after " + 2 * size + " new connections into a table of " + size);
    }

    /** Teaches the bridge where the routers are, and for known-connection runs puts the connections in the table. */
    private void warmUp(Scenario s) {
        VerilatedModel model = sw.model();
        for (int p = 0; p < cfg.hardware().ports(); p++) model.pushFrame(p, frame(p, 64, 0));
        if (!s.newFlows()) {
            for (int k = 1; k < KNOWN_FLOWS_PER_UPLINK; k++) {
                model.pushFrame(0, frame(0, 64, k));
                model.pushFrame(1, frame(1, 64, k));
            }
        }
        model.runUntilIdle(10_000_000L, 200);
        for (int p = 0; p < cfg.hardware().ports(); p++) model.popFrames(p);
    }

    /**
     * Port 0/1: client {@code flow} of router 0/1 to VIP a/b; port 2/3: server a/b answering that client through its
     * router. Every frame carries a fresh sequence number, so it can be matched on the way out.
     */
    private byte[] frame(int port, int size, int flow) {
        int uplink = port % 2;
        Ipv4Address vip = cfg.services().get(uplink).vip();
        Ipv4Address client = new Ipv4Address(0xC6120000 | (uplink << 15) | (flow & 0x7FFF));
        int clientPort = 1024 + (flow >>> 15) % 60000;
        int seq = nextSequence++;
        if (port < 2) {
            return TcpFrames.segment(cfg.switchMac(), ROUTERS[uplink], client, clientPort, vip, 80, true, size, seq);
        }
        MacAddress server = cfg.services().get(uplink).servers().get(0).mac();
        return TcpFrames.segment(ROUTERS[uplink], server, vip, 80, client, clientPort, false, size, seq);
    }

    private static long beats(int length, int bytesPerBeat) {
        return (length + bytesPerBeat - 1) / bytesPerBeat;
    }

    public static String table(List<Result> results) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-6s %-9s %10s %9s %10s %18s %12s %12s%n", "frames", "flows", "in beat/c",
                "line rate", "out beat/c", "latency min/med/max", "new conn/c", "sim cycles/s"));
        for (Result r : results) {
            out.append(String.format("%-6s %-9s %10.3f %9.2f %10.3f %18s %12.4f %12.0f%n", r.scenario().traffic(),
                    r.scenario().flows(), r.inputBeatsPerCycle(), r.lineRate(), r.outputBeatsPerCycle(),
                    r.latencyMin() + "/" + r.latencyMedian() + "/" + r.latencyMax(), r.newFlowsPerCycle(),
                    r.simCyclesPerSecond()));
        }
        return out.toString();
    }
}
