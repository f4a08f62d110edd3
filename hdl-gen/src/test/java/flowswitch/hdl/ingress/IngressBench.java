package flowswitch.hdl.ingress;

import static flowswitch.hdl.dsl.HwComponent.build;

import flowswitch.hdl.dsl.BitLayout;
import flowswitch.hdl.simtest.AxisBeats;
import flowswitch.hdl.simtest.AxisFrame;
import flowswitch.hdl.simtest.InOrderScoreboard;
import flowswitch.hdl.simtest.SimClock;
import flowswitch.hdl.simtest.SimModels;
import flowswitch.hdl.simtest.Signals;
import flowswitch.hdl.simtest.StreamSink;
import flowswitch.hdl.simtest.StreamSource;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Random;
import spinal.core.sim.SimCompiled;

/**
 * Drives an {@link IngressPort} in simulation: frames into s_axis, an in-order scoreboard on m_frame (each frame as
 * passed on: byte-exact, cut at max_frame_bytes, with its late error on its last beat), one expected meta per frame
 * on m_meta, and the stat_rx outputs checked at every pulse. Valid and ready rates start at 1; {@link #shuffleRates} makes them random.
 */
final class IngressBench {
    /** Small, so that oversize frames are cheap; every frame length up to 300 bytes crosses it. */
    static final int MAX_FRAME_BYTES = 256;
    private static final double[] VALID_RATES = {0.1, 0.5, 0.9, 1};
    private static final double[] READY_RATES = {0, 0.3, 0.8, 1};

    private record Sent(AxisFrame frame, ExpectedMeta meta) {}

    private record Stored(AxisFrame frame, FrameStatus late) {}

    private final IngressPortConfig config;
    private final SimClock clock;
    private final AxisBeats beats;
    private final Random random;
    private final StreamSource source;
    private final StreamSink frameSink;
    private final StreamSink metaSink;
    private final InOrderScoreboard<String, Stored> frames = new InOrderScoreboard<>("m_frame");
    private final ArrayDeque<Sent> metas = new ArrayDeque<>();
    private final ArrayDeque<Integer> rxLengths = new ArrayDeque<>();
    private long sent;
    private long metasOut;
    private long rxPulses;
    private boolean shuffling;

    static IngressPortConfig config(int dataWidth) {
        int maxBeats = MAX_FRAME_BYTES / (dataWidth / 8);
        return new IngressPortConfig(dataWidth, MAX_FRAME_BYTES, 2 * maxBeats, 4);
    }

    static SimCompiled<IngressPort> model(int dataWidth) {
        return SimModels.get("IngressPort_w" + dataWidth + "_f" + MAX_FRAME_BYTES, () -> build(new IngressPort(config(dataWidth))));
    }

    /** Starts the clock of {@code dut}, built from {@link #config}. */
    IngressBench(IngressPort dut, int dataWidth, Random random) {
        this.config = config(dataWidth);
        this.random = random;
        this.beats = new AxisBeats(dataWidth);
        clock = SimClock.start(dut);
        source = new StreamSource(dut.sAxis, clock, random, 1);
        AxisBeats.Assembler assembler = beats.assembler("m_frame");
        BitLayout.Field status = IngressBeat.layout(dataWidth).field("status");
        frameSink = new StreamSink(dut.mFrame, clock, random, 1, beat -> assembler.add(beat).ifPresent(f -> frames.actual("m_frame",
                new Stored(f, statusOf(beat.shiftRight(status.lsb()).longValue() & status.mask())))));
        metaSink = new StreamSink(dut.mMeta, clock, random, 1, this::metaOut);
        clock.onEachCycle(() -> {
            if (Signals.read(dut.statRxInc)) rxOut(Signals.readLong(dut.statRxBytes));
        });
    }

    SimClock clock() {
        return clock;
    }

    /**
     * Queues {@code frame} on s_axis; the port must pass it on (cut at max_frame_bytes, its late error on its last
     * beat) and describe it as the decision says.
     */
    void send(AxisFrame frame, ReferenceParser.Decided decided) {
        for (BigInteger beat : beats.encode(frame, random)) source.push(beat);
        frames.expect("m_frame", new Stored(stored(frame, decided.late()), decided.late()));
        metas.add(new Sent(frame, decided.meta()));
        rxLengths.add(frame.length());
        sent++;
    }

    /** The copy the port passes on: the whole frame, or its first max_frame_bytes; tuser marks a late error. */
    private AxisFrame stored(AxisFrame frame, FrameStatus late) {
        return new AxisFrame(Arrays.copyOf(frame.bytes(), Math.min(frame.length(), config.maxFrameBytes())),
                late != FrameStatus.OK);
    }

    private static FrameStatus statusOf(long code) {
        return Arrays.stream(FrameStatus.values()).filter(s -> s.code() == code).findFirst().orElseThrow();
    }

    /** From now on, every {@code cycles} cycles, s_axis valid and each output's ready get a new random rate (ready may stop). */
    void shuffleRates(int cycles) {
        shuffling = true;
        clock.onEachCycle(() -> {
            if (shuffling && clock.cycle() % cycles == 0) {
                source.setValidRate(VALID_RATES[random.nextInt(VALID_RATES.length)]);
                frameSink.setReadyRate(READY_RATES[random.nextInt(READY_RATES.length)]);
                metaSink.setReadyRate(READY_RATES[random.nextInt(READY_RATES.length)]);
            }
        });
    }

    /** Runs until every frame and meta came out, then a while longer to catch extras; returns the cycles it took. */
    long finish(long maxCycles) {
        long cycles = clock.runUntil(() -> frames.pending() == 0 && metas.isEmpty(), maxCycles, this::status);
        shuffling = false;
        frameSink.setReadyRate(1);
        metaSink.setReadyRate(1);
        clock.run(64);
        frames.assertEmpty();
        if (metasOut != sent || rxPulses != sent) {
            throw new AssertionError(sent + " frames sent, " + metasOut + " metas out, stat_rx_inc pulsed " + rxPulses + " times");
        }
        return cycles;
    }

    String status() {
        return "cycle " + clock.cycle() + ": " + source.pending() + " beats not taken, " + frames.pending()
                + " frames and " + metas.size() + " metas still expected of " + sent;
    }

    private void metaOut(BigInteger meta) {
        Sent next = metas.poll();
        if (next == null) throw new AssertionError("m_meta: meta " + metasOut + " with no frame left to describe");
        next.meta().check(meta, "m_meta of frame " + metasOut + " " + next.frame());
        metasOut++;
    }

    private void rxOut(long bytes) {
        Integer length = rxLengths.poll();
        if (length == null || length != bytes) {
            throw new AssertionError("stat_rx pulse " + rxPulses + ": stat_rx_bytes " + bytes + ", expected frame length " + length);
        }
        rxPulses++;
    }
}
