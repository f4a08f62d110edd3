package flowswitch.hdl.egress;

import flowswitch.hdl.ingress.FrameStatus;
import flowswitch.hdl.ingress.IngressBeat;
import flowswitch.hdl.simtest.AxisBeats;
import flowswitch.hdl.simtest.AxisFrame;
import flowswitch.hdl.simtest.InOrderScoreboard;
import flowswitch.hdl.simtest.SimClock;
import flowswitch.hdl.simtest.Signals;
import flowswitch.hdl.simtest.StreamSink;
import flowswitch.hdl.simtest.StreamSource;
import flowswitch.hdl.simtest.ThroughputMeter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Drives an {@link EgressSwitch} in simulation: a frame source and a decision source per ingress port, a sink per
 * egress port, an in-order scoreboard per (ingress, egress) pair and a check of the frame counter outputs. A frame
 * sent with {@code user} stands for one aborted by a late error: it must leave with {@code user} on its last beat,
 * uncounted by {@code stat_tx}, and counted once by its dispatcher's {@code stat_sent_abort} when it has a destination.
 *
 * <p>The scoreboard tells ingress ports apart by frame byte 0 (as sent, or as rewritten from the destination MAC):
 * the traffic generator makes it equal to the ingress port modulo the port count ({@link #stamp}).
 */
final class EgressBench {
    record Pair(int ingress, int egress) {}

    /** Locally administered, with distinct octets so that any octet mix-up shows. */
    static final long SWITCH_MAC = 0x02a1_b2c3_d4feL;

    private final EgressSwitch dut;
    private final int ports;
    private final SimClock clock;
    private final AxisBeats beats;
    private final Random random;
    private final List<StreamSource> frameSources = new ArrayList<>();
    private final List<StreamSource> decisionSources = new ArrayList<>();
    private final List<StreamSink> sinks = new ArrayList<>();
    private final List<ThroughputMeter> ingressMeters = new ArrayList<>();
    private final List<ThroughputMeter> egressMeters = new ArrayList<>();
    private final InOrderScoreboard<Pair, AxisFrame> scoreboard = new InOrderScoreboard<>("egress frames");
    private final List<List<Integer>> arrivals = new ArrayList<>();
    private final long[] statPulses;
    private final long[] wholeOut;
    private final long[] abortPulses;
    private final long[] abortsExpected;

    /** Starts the clock; sources and sinks begin with valid and ready rates of 1. */
    EgressBench(EgressSwitch dut, Random random) {
        this.dut = dut;
        this.ports = dut.config().ports();
        this.random = random;
        this.beats = new AxisBeats(dut.config().dataWidth());
        this.statPulses = new long[ports];
        this.wholeOut = new long[ports];
        this.abortPulses = new long[ports];
        this.abortsExpected = new long[ports];
        Signals.write(dut.cfgSwitchMac, SWITCH_MAC);
        clock = SimClock.start(dut);
        for (int i = 0; i < ports; i++) {
            frameSources.add(new StreamSource(dut.ingress(i).frame(), clock, random, 1));
            decisionSources.add(new StreamSource(dut.ingress(i).decision(), clock, random, 1));
            ingressMeters.add(new ThroughputMeter(dut.ingress(i).frame(), clock));
            int port = i;
            clock.onEachCycle(() -> {
                if (Signals.read(dut.sent(port).abort())) {
                    abortPulses[port]++;
                    long status = Signals.readLong(dut.sent(port).abortStatus());
                    if (status != FrameStatus.RX_ERROR.code()) {
                        throw new AssertionError("stat_sent_" + port + "_abort_status " + status + ", sent as rx_error");
                    }
                }
            });
        }
        for (int j = 0; j < ports; j++) {
            int port = j;
            arrivals.add(new ArrayList<>());
            AxisBeats.Assembler assembler = beats.assembler("m_axis_" + j);
            sinks.add(new StreamSink(dut.egress(j).axis(), clock, random, 1,
                    beat -> assembler.add(beat).ifPresent(frame -> frameOut(port, frame))));
            egressMeters.add(new ThroughputMeter(dut.egress(j).axis(), clock));
            clock.onEachCycle(() -> {
                if (Signals.read(dut.egress(port).txInc())) statPulses[port]++;
            });
        }
    }

    SimClock clock() {
        return clock;
    }

    StreamSource frameSource(int ingress) {
        return frameSources.get(ingress);
    }

    StreamSource decisionSource(int ingress) {
        return decisionSources.get(ingress);
    }

    StreamSink sink(int egress) {
        return sinks.get(egress);
    }

    ThroughputMeter ingressMeter(int ingress) {
        return ingressMeters.get(ingress);
    }

    ThroughputMeter egressMeter(int egress) {
        return egressMeters.get(egress);
    }

    long framesOut(int egress) {
        return arrivals.get(egress).size();
    }

    /** The ingress port of each frame that left {@code egress}, in order. */
    List<Integer> arrivals(int egress) {
        return List.copyOf(arrivals.get(egress));
    }

    /** Random frame bytes from {@code ingress}, byte 0 stamped with the ingress port. */
    AxisFrame randomFrame(int ingress, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        bytes[0] = (byte) stamp(ingress, bytes[0]);
        return new AxisFrame(bytes, random.nextInt(8) == 0);
    }

    /** A destination MAC for a frame from {@code ingress}: octet 0 stamped with the ingress port. */
    long randomDstMac(int ingress) {
        long mac = random.nextLong() & 0xFFFF_FFFF_FFFFL;
        return mac & 0x00FF_FFFF_FFFFL | (long) stamp(ingress, (int) (mac >>> 40)) << 40;
    }

    private int stamp(int ingress, int value) {
        return ((value & 0xFF) / ports * ports + ingress) & 0xFF;
    }

    /** Queues one frame and its decision on {@code ingress}, and what each destination port must then receive. */
    void send(int ingress, AxisFrame frame, Route route) {
        List<BigInteger> encoded = beats.encode(frame, random);
        if (frame.user()) {
            int last = encoded.size() - 1;
            int statusLsb = IngressBeat.layout(dut.config().dataWidth()).field("status").lsb();
            encoded.set(last, encoded.get(last).or(BigInteger.valueOf(FrameStatus.RX_ERROR.code()).shiftLeft(statusLsb)));
            if (route.dest() != 0) abortsExpected[ingress]++;
        }
        for (BigInteger beat : encoded) frameSources.get(ingress).push(beat);
        decisionSources.get(ingress).push(route.pack(dut.config()));
        AxisFrame out = route.apply(frame, SWITCH_MAC);
        for (int j = 0; j < ports; j++) {
            if (route.sendsTo(j)) scoreboard.expect(new Pair(ingress, j), out);
        }
    }

    /** Every input consumed and every expected frame received. */
    boolean drained() {
        return frameSources.stream().allMatch(s -> s.pending() == 0)
                && decisionSources.stream().allMatch(s -> s.pending() == 0)
                && scoreboard.pending() == 0;
    }

    /**
     * Runs until drained, then a while longer to catch anything extra, and checks the frame counter outputs.
     * Returns the cycles it took to drain.
     */
    long finish(long maxCycles) {
        long cycles = clock.runUntil(this::drained, maxCycles, this::status);
        for (StreamSink sink : sinks) sink.setReadyRate(1);
        clock.run(64);
        scoreboard.assertEmpty();
        for (int j = 0; j < ports; j++) {
            if (statPulses[j] != wholeOut[j]) {
                throw new AssertionError("stat_tx_" + j + "_inc pulsed " + statPulses[j] + " times for " + wholeOut[j]
                        + " frames that left whole");
            }
            if (abortPulses[j] != abortsExpected[j]) {
                throw new AssertionError("stat_sent_" + j + "_abort pulsed " + abortPulses[j] + " times for "
                        + abortsExpected[j] + " aborted frames with a destination");
            }
        }
        return cycles;
    }

    String status() {
        StringBuilder s = new StringBuilder("cycle " + clock.cycle() + ", frames expected " + scoreboard.pending() + ", inputs left");
        for (int i = 0; i < ports; i++) {
            s.append(" [").append(i).append(": ").append(frameSources.get(i).pending()).append(" beats, ")
                    .append(decisionSources.get(i).pending()).append(" decisions]");
        }
        return s.toString();
    }

    private void frameOut(int egress, AxisFrame frame) {
        boolean inc = Signals.read(dut.egress(egress).txInc());
        long bytes = Signals.readLong(dut.egress(egress).txBytes());
        if (frame.user() ? inc : !inc || bytes != frame.length()) {
            throw new AssertionError("m_axis_" + egress + " frame " + framesOut(egress) + " of " + frame.length()
                    + " bytes: stat_tx_" + egress + "_inc=" + inc + ", stat_tx_" + egress + "_bytes=" + bytes);
        }
        if (!frame.user()) wholeOut[egress]++;
        int ingress = frame.byteAt(0) % ports;
        scoreboard.actual(new Pair(ingress, egress), frame);
        arrivals.get(egress).add(ingress);
    }
}
