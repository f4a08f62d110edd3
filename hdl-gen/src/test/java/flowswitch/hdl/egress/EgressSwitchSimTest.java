package flowswitch.hdl.egress;

import static flowswitch.hdl.dsl.HwComponent.build;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.hdl.simtest.AxisBeats;
import flowswitch.hdl.simtest.AxisFrame;
import flowswitch.hdl.simtest.SimModels;
import flowswitch.hdl.simtest.ThroughputMeter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import spinal.core.sim.SimCompiled;

/**
 * The egress switch under Verilator: random traffic under backpressure (ARP requests answered out of their own
 * port among it), full-rate unicast, drops while outputs stall, round-robin turns on a shared output, and a flood that is not starved.
 */
class EgressSwitchSimTest {
    private static final int MAX_FRAME = 200;
    private static final long MAX_CYCLES = 2_000_000;

    private enum Kind { DROP, UNICAST, FLOOD, MULTICAST, ARP_REPLY }

    static SimCompiled<EgressSwitch> model(int dataWidth, int ports) {
        EgressSwitchConfig config = EgressSwitchConfig.defaults().withDataWidth(dataWidth).withPorts(ports);
        return SimModels.get("EgressSwitch_w" + dataWidth + "_p" + ports, () -> build(new EgressSwitch(config)));
    }

    /** Lengths 1..MAX_FRAME, each once, in random order. */
    private static List<Integer> everyLength(Random random) {
        List<Integer> lengths = new ArrayList<>(IntStream.rangeClosed(1, MAX_FRAME).boxed().toList());
        Collections.shuffle(lengths, random);
        return lengths;
    }

    @ParameterizedTest(name = "{0} bits, {1} ports")
    @CsvSource({"64, 2", "64, 4", "256, 2", "256, 4"})
    void randomTrafficLeavesIntactInOrderAndCounted(int dataWidth, int ports) {
        int seed = 1000 * dataWidth + ports;
        SimModels.run(model(dataWidth, ports), "random", seed, dut -> {
            Random random = new Random(seed);
            EgressBench bench = new EgressBench(dut, random);
            for (int p = 0; p < ports; p++) {
                bench.frameSource(p).setValidRate(0.3 + 0.7 * random.nextDouble());
                bench.decisionSource(p).setValidRate(0.3 + 0.7 * random.nextDouble());
                bench.sink(p).setReadyRate(0.2 + 0.8 * random.nextDouble());
            }
            Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
            int rewrites = 0;
            for (int i = 0; i < ports; i++) {
                for (int length : everyLength(random)) {
                    Kind kind = randomKind(random);
                    Route route = randomRoute(kind, i, ports, random, bench);
                    kinds.merge(kind, 1, Integer::sum);
                    if (route.rewrite() && kind != Kind.DROP) rewrites++;
                    AxisFrame frame = kind == Kind.ARP_REPLY ? arpRequest(length, random) : bench.randomFrame(i, length);
                    bench.send(i, frame, route);
                }
            }
            assertEquals(Kind.values().length, kinds.size(), "every kind of decision is exercised: " + kinds);
            assertTrue(rewrites > 0);

            long cycles = bench.finish(MAX_CYCLES);
            long framesOut = IntStream.range(0, ports).mapToLong(bench::framesOut).sum();
            System.out.printf("random %d bits %d ports: %s, %d rewritten, %d frames out, drained in %d cycles%n",
                    dataWidth, ports, kinds, rewrites, framesOut, cycles);
        });
    }

    private static Kind randomKind(Random random) {
        int r = random.nextInt(100);
        return r < 15 ? Kind.DROP : r < 55 ? Kind.UNICAST : r < 75 ? Kind.FLOOD : r < 90 ? Kind.MULTICAST : Kind.ARP_REPLY;
    }

    /** An ARP request of about {@code length} bytes (at least its headers), tagged or not. */
    private static AxisFrame arpRequest(int length, Random random) {
        boolean tagged = random.nextBoolean();
        return ArpFrames.request(random, tagged, Math.max(length, ArpFrames.minLength(tagged)));
    }

    private static Route randomRoute(Kind kind, int ingress, int ports, Random random, EgressBench bench) {
        int all = (1 << ports) - 1;
        long dstMac = bench.randomDstMac(ingress);
        return switch (kind) {
            case DROP -> new Route(0, random.nextBoolean(), dstMac);
            case UNICAST -> new Route(1 << random.nextInt(ports), random.nextBoolean(), dstMac);
            case FLOOD -> new Route(all & ~(1 << ingress), random.nextBoolean(), dstMac);
            case MULTICAST -> new Route(1 + random.nextInt(all), random.nextBoolean(), dstMac);
            case ARP_REPLY -> Route.arpReply(ingress, dstMac, random.nextInt() & 0xFFFF_FFFFL);
        };
    }

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {64, 256})
    void fourUnicastStreamsToFourOutputsRunAtFullRate(int dataWidth) {
        int ports = 4;
        int seed = 7 * dataWidth;
        SimModels.run(model(dataWidth, ports), "throughput", seed, dut -> {
            Random random = new Random(seed);
            EgressBench bench = new EgressBench(dut, random);
            AxisBeats beats = new AxisBeats(dataWidth);
            long[] beatsTo = new long[ports];
            for (int i = 0; i < ports; i++) {
                int egress = (i + 1) % ports;
                for (int length : everyLength(random)) {
                    bench.send(i, bench.randomFrame(i, length),
                            new Route(1 << egress, random.nextBoolean(), bench.randomDstMac(i)));
                    beatsTo[egress] += beats.beatsOf(length);
                }
            }
            bench.finish(MAX_CYCLES);
            for (int j = 0; j < ports; j++) {
                ThroughputMeter meter = bench.egressMeter(j);
                System.out.printf("throughput %d bits: m_axis_%d %d beats in %d cycles = %.4f beats/cycle%n",
                        dataWidth, j, meter.beats(), meter.span(), meter.beatsPerCycle());
                assertEquals(beatsTo[j], meter.beats(), "beats on m_axis_" + j);
                assertTrue(meter.beatsPerCycle() >= 0.95,
                        "m_axis_" + j + " ran at " + meter.beatsPerCycle() + " beats/cycle, needs 0.95");
            }
        });
    }

    @Test
    void droppedFramesDrainAtOneBeatPerCycleWhileEveryOutputStalls() {
        int dataWidth = 64;
        int ports = 4;
        int seed = 42;
        SimModels.run(model(dataWidth, ports), "drop", seed, dut -> {
            Random random = new Random(seed);
            EgressBench bench = new EgressBench(dut, random);
            for (int j = 0; j < ports; j++) bench.sink(j).setReadyRate(0);
            bench.send(1, bench.randomFrame(1, MAX_FRAME), new Route(0b0100, false, 0));
            bench.send(2, bench.randomFrame(2, MAX_FRAME), new Route(0b1011, true, bench.randomDstMac(2)));
            long dropBeats = 0;
            for (int length : everyLength(random)) {
                bench.send(0, bench.randomFrame(0, length), Route.drop());
                dropBeats += new AxisBeats(dataWidth).beatsOf(length);
            }
            bench.clock().runUntil(() -> bench.frameSource(0).pending() == 0, MAX_CYCLES, bench::status);
            ThroughputMeter dropped = bench.ingressMeter(0);
            assertEquals(dropBeats, dropped.beats());
            assertEquals(dropped.beats(), dropped.span(), "dropped beats are read one per cycle, without a gap");
            for (int j = 0; j < ports; j++) assertEquals(0, bench.framesOut(j), "nothing leaves a stalled output");

            for (int j = 0; j < ports; j++) bench.sink(j).setReadyRate(1);
            bench.finish(MAX_CYCLES);
            assertEquals(List.of(1L, 1L, 1L, 1L), IntStream.range(0, ports).mapToObj(bench::framesOut).toList());
        });
    }

    @Test
    void ingressPortsSharingAnOutputTakeTurnsWholeFrames() {
        int ports = 4;
        int seed = 11;
        SimModels.run(model(64, ports), "round-robin", seed, dut -> {
            Random random = new Random(seed);
            EgressBench bench = new EgressBench(dut, random);
            int frames = 20;
            for (int i = 0; i < ports; i++) {
                for (int k = 0; k < frames; k++) {
                    bench.send(i, bench.randomFrame(i, 1 + random.nextInt(MAX_FRAME)), new Route(0b0001, false, 0));
                }
            }
            bench.finish(MAX_CYCLES);
            List<Integer> order = bench.arrivals(0);
            assertEquals(ports * frames, order.size());
            // Every ingress port always has a frame waiting, so each round of four grants serves each port once.
            for (int k = 0; k < order.size(); k += ports) {
                assertEquals(Set.of(0, 1, 2, 3), Set.copyOf(order.subList(k, k + ports)), "round " + k / ports + " of " + order);
            }
        });
    }

    @Test
    void aFloodWaitsForTheFramesUnderwayNotForTheWholeStreams() {
        int ports = 4;
        int seed = 12;
        SimModels.run(model(64, ports), "flood-wait", seed, dut -> {
            Random random = new Random(seed);
            EgressBench bench = new EgressBench(dut, random);
            int frames = 60;
            for (int i = 1; i < ports; i++) {
                for (int k = 0; k < frames; k++) {
                    bench.send(i, bench.randomFrame(i, 100 + random.nextInt(MAX_FRAME - 99)), new Route(1 << i, false, 0));
                }
            }
            bench.clock().run(200);
            long[] before = IntStream.range(0, ports).mapToLong(bench::framesOut).toArray();
            bench.send(0, bench.randomFrame(0, 64), new Route(0b1110, false, 0));
            bench.finish(MAX_CYCLES);
            for (int j = 1; j < ports; j++) {
                int at = bench.arrivals(j).indexOf(0);
                // Ahead of the flood: the frame in flight, and one more per port while the turn comes round to it.
                assertTrue(at >= 0 && at <= before[j] + 2, "m_axis_" + j + ": the flood left as frame " + at
                        + ", sent when " + before[j] + " frames had left; order " + bench.arrivals(j));
            }
        });
    }
}
