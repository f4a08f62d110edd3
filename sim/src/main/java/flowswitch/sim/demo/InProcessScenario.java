package flowswitch.sim.demo;

import flowswitch.config.ConfigException;
import flowswitch.config.ServerSlot;
import flowswitch.config.ServerState;
import flowswitch.config.SwitchConfig;
import flowswitch.driver.api.Counters;
import flowswitch.sim.device.SimulatedSwitch;
import flowswitch.sim.golden.FiveTuple;
import flowswitch.sim.golden.FrameParser;
import flowswitch.sim.golden.ParsedFrame;
import flowswitch.sim.traffic.TrafficFrame;
import flowswitch.sim.traffic.TrafficGenerator;
import flowswitch.sim.traffic.TrafficMix;
import flowswitch.sim.traffic.TrafficOptions;
import flowswitch.sim.verilator.EgressFrame;
import flowswitch.sim.verilator.VerilatedModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo without real hosts: generated traffic (a few hundred connections to one VIP served by three servers,
 * plus replies, ARP, VLAN and other frames) pushed through the Verilated switch inside this process; then one
 * server is marked down through the register bus and new connections must avoid it.
 */
public final class InProcessScenario {
    private static final long IDLE_LIMIT = 50_000_000L;
    private static final String CONFIG = "/flowswitch/sim/demo/demo.yaml";

    private final Path work;
    private final int connections;

    /**
     * @param work        where the generated design goes
     * @param connections connections in the first phase (the second opens a third as many)
     */
    public InProcessScenario(Path work, int connections) {
        if (connections < 3) {
            throw new IllegalArgumentException("--connections " + connections + " is too few: give at least 3, one"
                    + " for each server of the demo's service");
        }
        this.work = work;
        this.connections = connections;
    }

    /** Runs both phases, printing what the switch did; true when every connection kept its server and none reached the downed one. */
    public boolean run(PrintWriter out) throws ConfigException, IOException {
        SwitchConfig cfg = demoConfig();
        List<ServerSlot> slots = cfg.serverSlots();
        out.printf("flowswitch demo: %d ports, %d-bit datapath; service %s %s:%d/%s; servers %s%n",
                cfg.hardware().ports(), cfg.hardware().dataWidth(), cfg.services().get(0).name(),
                cfg.services().get(0).vip(), cfg.services().get(0).port(), "tcp",
                slots.stream().map(s -> s.server().name() + " (weight " + s.server().weight() + ")").toList());
        out.println("generating Verilog and building the Verilator model (cached after the first run)...");
        long t0 = System.nanoTime();
        try (SimulatedSwitch sw = SimulatedSwitch.start(cfg, work)) {
            out.printf("model ready in %.1f s (%s)%n%n", (System.nanoTime() - t0) / 1e9,
                    sw.built().fromCache() ? "cached build" : "fresh build");
            FrameParser parser = new FrameParser(cfg.hardware().maxFrameBytes(), cfg.hardware().bytesPerBeat());

            List<TrafficFrame> phase1 = TrafficGenerator.generate(cfg,
                    TrafficOptions.defaults().withSeed(1).withFlowsPerService(connections).withPacketsPerFlow(4)
                            .withMix(TrafficMix.defaults()));
            Outcome first = push(sw, phase1, parser, slots);
            Counters c1 = sw.device().counters();
            out.printf("phase 1: %d frames in (%d connections to the VIP, plus replies, ARP, VLAN and other traffic)%n",
                    phase1.size(), first.serverOf.size());
            table(out, slots, c1, null);
            out.printf("affinity: %s%n%n", first.split.isEmpty()
                    ? "every one of " + first.serverOf.size() + " connections stayed on one server"
                    : first.split.size() + " connections were split across servers: " + first.split);

            ServerSlot victim = slots.get(1);
            out.printf("phase 2: server %s marked down through the register bus (what `fsctl server set --state down` does)%n",
                    victim.server().name());
            sw.device().setServerState(victim.index(), ServerState.DOWN);
            List<TrafficFrame> phase2 = TrafficGenerator.generate(cfg,
                    TrafficOptions.defaults().withSeed(2).withFlowsPerService(connections / 3).withPacketsPerFlow(3)
                            .withMix(TrafficMix.flowsOnly()));
            Outcome second = push(sw, phase2, parser, slots);
            Counters c2 = sw.device().counters();
            table(out, slots, c2, c1);
            long toVictim = second.serverOf.values().stream().filter(s -> s == victim.index()).count();
            out.printf("new connections to %s after it went down: %d of %d%n%n", victim.server().name(), toVictim,
                    second.serverOf.size());
            out.println("explore further:");
            out.println("  ./flowswitch sim run --config examples/basic.yaml --control /tmp/fs.sock   # then, in another shell:");
            out.println("  ./fsctl --device sim:/tmp/fs.sock info | stats --watch | server list | flows list");
            out.println("  ./flowswitch sim replay --config FILE --in 0=clients.pcap --out DIR      # your own traffic");
            out.println("  sudo ./flowswitch demo            # real Linux hosts, curl and HTTP servers through the switch");
            return first.split.isEmpty() && toVictim == 0 && !first.serverOf.isEmpty();
        }
    }

    /** Pushes the frames in order, runs the switch dry, and records which server each connection reached. */
    private static Outcome push(SimulatedSwitch sw, List<TrafficFrame> frames, FrameParser parser,
                                List<ServerSlot> slots) {
        VerilatedModel model = sw.model();
        model.setSerial(true);
        for (TrafficFrame f : frames) model.pushFrame(f.ingressPort(), f.frame());
        if (model.runUntilIdle(IDLE_LIMIT) < 0) throw new IllegalStateException("the switch did not go idle: frames are stuck");
        Map<Long, Integer> slotByMac = new HashMap<>();
        for (ServerSlot s : slots) slotByMac.put(s.server().mac().value(), s.index());
        Outcome outcome = new Outcome(new HashMap<>(), new HashSet<>());
        for (int p = 0; p < sw.device().hardware().ports(); p++) {
            for (EgressFrame e : model.popFrames(p)) {
                if (e.aborted() || !(parser.parse(e.data(), false) instanceof ParsedFrame parsed)) continue;
                Integer slot = slotByMac.get(parsed.destination().value());
                if (slot == null || parsed.ports().isEmpty()) continue;
                Integer before = outcome.serverOf.putIfAbsent(parsed.ports().get(), slot);
                if (before != null && !before.equals(slot)) outcome.split.add(parsed.ports().get());
            }
        }
        return outcome;
    }

    private record Outcome(Map<FiveTuple, Integer> serverOf, Set<FiveTuple> split) {}

    private static void table(PrintWriter out, List<ServerSlot> slots, Counters now, Counters before) {
        out.printf("  %-8s %-5s %-19s %10s %10s %12s%n", "server", "port", "mac",
                before == null ? "flows" : "new flows", "packets", "bytes");
        for (ServerSlot s : slots) {
            ServerTraffic t = before == null ? ServerTraffic.total(now, s.index())
                    : ServerTraffic.between(before, now, s.index());
            out.printf("  %-8s %-5d %-19s %10d %10d %12d%n", s.server().name(), s.server().port(), s.server().mac(),
                    t.newFlows(), t.packets(), t.bytes());
        }
    }

    private static SwitchConfig demoConfig() throws ConfigException, IOException {
        try (InputStream in = InProcessScenario.class.getResourceAsStream(CONFIG)) {
            if (in == null) {
                throw new IllegalStateException(CONFIG + " is missing from the classpath: rebuild the sim module");
            }
            return SwitchConfig.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "demo.yaml");
        }
    }
}
