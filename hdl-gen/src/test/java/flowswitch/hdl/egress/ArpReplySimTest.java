package flowswitch.hdl.egress;

import static flowswitch.hdl.dsl.HwComponent.build;
import static org.junit.jupiter.api.Assertions.assertEquals;

import flowswitch.hdl.simtest.AxisBeats;
import flowswitch.hdl.simtest.AxisFrame;
import flowswitch.hdl.simtest.InOrderScoreboard;
import flowswitch.hdl.simtest.SimClock;
import flowswitch.hdl.simtest.SimModels;
import flowswitch.hdl.simtest.Signals;
import flowswitch.hdl.simtest.StreamSink;
import flowswitch.hdl.simtest.StreamSource;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import spinal.core.sim.SimCompiled;

/**
 * The ARP reply rewrite under Verilator at both data widths (the body lands on different beats, and behind a VLAN tag
 * on others again), with random idle cycles on its input and random backpressure on its output: requests it is told
 * to answer leave with the reply's body, everything else leaves as it came.
 */
class ArpReplySimTest {
    private static final long SWITCH_MAC = 0x02a1_b2c3_d4feL;
    private static final int FRAMES = 600;
    private static final int MAX_FRAME = 150;

    /** One frame and what the dispatcher holds on the side inputs while it passes. */
    private record Job(AxisFrame frame, boolean enable, long requesterMac, long vip) {
        AxisFrame expected() {
            return enable ? ArpFrames.withReplyBody(frame, requesterMac, vip, SWITCH_MAC) : frame;
        }
    }

    private static SimCompiled<ArpReply> model(int dataWidth) {
        return SimModels.get("ArpReply_w" + dataWidth, () -> build(new ArpReply(dataWidth)));
    }

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {64, 256})
    void answeredRequestsGetTheReplyBodyAndOtherFramesPassUnchanged(int dataWidth) {
        int seed = 17 * dataWidth;
        SimModels.run(model(dataWidth), "arp_reply", seed, dut -> {
            Random random = new Random(seed);
            List<Job> jobs = jobs(random);
            AxisBeats beats = new AxisBeats(dataWidth);
            InOrderScoreboard<String, AxisFrame> scoreboard = new InOrderScoreboard<>("m_beat frames");
            Signals.write(dut.switchMac, SWITCH_MAC);
            SimClock clock = SimClock.start(dut);
            StreamSource source = new StreamSource(dut.sBeat, clock, random, 0.3 + 0.7 * random.nextDouble());
            AxisBeats.Assembler assembler = beats.assembler("m_beat");
            StreamSink sink = new StreamSink(dut.mBeat, clock, random, 0.2 + 0.8 * random.nextDouble(),
                    beat -> assembler.add(beat).ifPresent(frame -> scoreboard.actual("out", frame)));
            for (Job job : jobs) {
                beats.encode(job.frame(), random).forEach(source::push);
                scoreboard.expect("out", job.expected());
            }
            SideInputs side = new SideInputs(dut, jobs, beats);
            side.present(0);
            clock.onEachCycle(side::afterEdge);

            clock.runUntil(() -> scoreboard.pending() == 0, 1_000_000, () -> scoreboard.pending() + " frames expected");
            sink.setReadyRate(1);
            clock.run(32);
            scoreboard.assertEmpty();
            assertEquals(0, source.pending());
            System.out.printf("arp reply %d bits: %d frames, %d answered%n", dataWidth, jobs.size(),
                    jobs.stream().filter(Job::enable).count());
        });
    }

    /** Answered requests (tagged or not, from the shortest on), requests let through, and other frames. */
    private static List<Job> jobs(Random random) {
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < FRAMES; i++) {
            long mac = random.nextLong() & 0xFFFF_FFFF_FFFFL;
            long vip = random.nextInt() & 0xFFFF_FFFFL;
            int kind = random.nextInt(4);
            boolean tagged = random.nextBoolean();
            int min = ArpFrames.minLength(tagged);
            int length = i < 4 ? min : min + random.nextInt(MAX_FRAME - min + 1);
            if (kind < 3 || i < 4) {
                jobs.add(new Job(ArpFrames.request(random, tagged, length), kind != 2 || i < 4, mac, vip));
            } else {
                byte[] bytes = new byte[1 + random.nextInt(MAX_FRAME)];
                random.nextBytes(bytes);
                jobs.add(new Job(new AxisFrame(bytes, random.nextInt(8) == 0), false, mac, vip));
            }
        }
        return jobs;
    }

    /**
     * Drives enable, requesterMac and vip as the dispatcher does: set for a frame before its first beat and held
     * until its last beat has been taken.
     */
    private static final class SideInputs {
        private final ArpReply dut;
        private final List<Job> jobs;
        private final AxisBeats beats;
        private int current;

        SideInputs(ArpReply dut, List<Job> jobs, AxisBeats beats) {
            this.dut = dut;
            this.jobs = jobs;
            this.beats = beats;
        }

        void present(int index) {
            Job job = jobs.get(index);
            Signals.write(dut.enable, job.enable());
            Signals.write(dut.requesterMac, job.requesterMac());
            Signals.write(dut.vip, job.vip());
        }

        /** At each clock edge: after a frame's last beat was taken, the next frame's values. */
        void afterEdge() {
            boolean taken = Signals.read(dut.sBeat.valid()) && Signals.read(dut.sBeat.ready());
            BigInteger beat = Signals.read(dut.sBeat.payload());
            if (taken && beats.isLast(beat) && current + 1 < jobs.size()) present(++current);
        }
    }
}
