package flowswitch.hdl.ingress;

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
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ingress port under Verilator at both data widths, max_frame_bytes 256: every frame length 1..300 under random
 * valid gaps and random (sometimes stopped) ready on both outputs, frames decided early and at their end, late errors
 * of every kind (tuser, oversize, a truncated IPv4 packet) on the last beat of frames decided early; and full rate
 * when nothing stalls.
 */
class IngressPortSimTest {
    private static final int LONGEST = 300;
    private static final long MAX_CYCLES = 2_000_000;

    /** Every length 1..LONGEST, {@code rounds} times, in random order. */
    private static List<Integer> everyLength(int rounds, Random random) {
        List<Integer> lengths = new ArrayList<>();
        for (int r = 0; r < rounds; r++) lengths.addAll(IntStream.rangeClosed(1, LONGEST).boxed().toList());
        Collections.shuffle(lengths, random);
        return lengths;
    }

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {64, 256})
    void everyFrameIsStoredByteExactWithItsMetaAndCountedUnderBackpressure(int dataWidth) {
        int seed = 31 * dataWidth;
        SimModels.run(IngressBench.model(dataWidth), "every_length", seed, dut -> {
            Random random = new Random(seed);
            IngressBench bench = new IngressBench(dut, dataWidth, random);
            bench.shuffleRates(150);
            RandomFrames traffic = new RandomFrames(random);
            Map<FrameStatus, Integer> statuses = new EnumMap<>(FrameStatus.class);
            Map<FrameStatus, Integer> lateErrors = new EnumMap<>(FrameStatus.class);
            int withPorts = 0;
            int withArp = 0;
            for (int length : everyLength(2, random)) {
                AxisFrame frame = traffic.next(length);
                ExpectedMeta meta = ReferenceParser.parse(frame, IngressBench.MAX_FRAME_BYTES);
                ReferenceParser.Decided decided = ReferenceParser.decide(frame, IngressBench.MAX_FRAME_BYTES, dataWidth / 8);
                statuses.merge(meta.status(), 1, Integer::sum);
                lateErrors.merge(decided.late(), 1, Integer::sum);
                if (meta.fields().getOrDefault("l4", 0L) == 1) withPorts++;
                if (meta.fields().getOrDefault("arp", 0L) == 1) withArp++;
                bench.send(frame, decided);
            }
            assertEquals(FrameStatus.values().length, statuses.size(), "every status is exercised: " + statuses);
            assertEquals(FrameStatus.values().length, lateErrors.size(), "every late error is exercised: " + lateErrors);
            assertTrue(withPorts > 50, "frames with L4 ports: " + withPorts);
            assertTrue(withArp > 10, "frames with ARP fields: " + withArp);
            long cycles = bench.finish(MAX_CYCLES);
            System.out.printf("ingress %d bits: %s, late %s, %d with ports, %d with ARP fields, drained in %d cycles%n",
                    dataWidth, statuses, lateErrors, withPorts, withArp, cycles);
        });
    }

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {64, 256})
    void takesOneBeatPerCycleWhenNothingStalls(int dataWidth) {
        int seed = 17 * dataWidth;
        SimModels.run(IngressBench.model(dataWidth), "full_rate", seed, dut -> {
            Random random = new Random(seed);
            IngressBench bench = new IngressBench(dut, dataWidth, random);
            ThroughputMeter input = new ThroughputMeter(dut.sAxis, bench.clock());
            RandomFrames traffic = new RandomFrames(random);
            long beats = 0;
            for (int length : everyLength(1, random)) {
                AxisFrame frame = traffic.next(length);
                bench.send(frame, ReferenceParser.decide(frame, IngressBench.MAX_FRAME_BYTES, dataWidth / 8));
                beats += new AxisBeats(dataWidth).beatsOf(length);
            }
            bench.finish(MAX_CYCLES);
            assertEquals(beats, input.beats());
            assertEquals(input.beats(), input.span(), "s_axis took " + input.beats() + " beats in " + input.span() + " cycles");
        });
    }
}
