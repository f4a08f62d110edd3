package flowswitch.hdl.simtest;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Random;
import spinal.core.BitVector;
import spinal.lib.Stream;

/**
 * Drives a slave stream of the simulated design from a queue of payloads, with random idle cycles: when a payload
 * is waiting, valid rises with probability {@code validRate} per cycle, and once up it stays up with its payload
 * until the design takes it (AXI4-Stream rules). While valid is low the payload carries random bits, so a design
 * that samples it then is caught by the scoreboard.
 */
public final class StreamSource {
    private final Stream<? extends BitVector> stream;
    private final Random random;
    private final int width;
    private final ArrayDeque<BigInteger> queue = new ArrayDeque<>();
    private double validRate;
    private boolean presenting;
    private long accepted;

    public StreamSource(Stream<? extends BitVector> stream, SimClock clock, Random random, double validRate) {
        this.stream = stream;
        this.random = random;
        this.width = stream.payload().getBitsWidth();
        setValidRate(validRate);
        Signals.write(stream.valid(), false);
        Signals.write(stream.payload(), new BigInteger(width, random));
        clock.onEachCycle(this::cycle);
    }

    public void setValidRate(double rate) {
        if (!(rate > 0 && rate <= 1)) throw new IllegalArgumentException("valid rate must be in (0, 1], got " + rate);
        this.validRate = rate;
    }

    public void push(BigInteger payload) {
        if (payload.signum() < 0 || payload.bitLength() > width) {
            throw new IllegalArgumentException("payload " + payload.toString(16) + " does not fit in " + width + " bits");
        }
        queue.add(payload);
    }

    /** Payloads not yet taken by the design. */
    public int pending() {
        return queue.size();
    }

    public long accepted() {
        return accepted;
    }

    private void cycle() {
        if (presenting && Signals.read(stream.ready())) {
            queue.remove();
            accepted++;
            presenting = false;
        }
        if (presenting) return;
        if (!queue.isEmpty() && random.nextDouble() < validRate) {
            Signals.write(stream.valid(), true);
            Signals.write(stream.payload(), queue.peek());
            presenting = true;
        } else {
            Signals.write(stream.valid(), false);
            Signals.write(stream.payload(), new BigInteger(width, random));
        }
    }
}
