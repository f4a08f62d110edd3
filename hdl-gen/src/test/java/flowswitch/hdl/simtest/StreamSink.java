package flowswitch.hdl.simtest;

import java.math.BigInteger;
import java.util.Random;
import java.util.function.Consumer;
import spinal.core.BitVector;
import spinal.lib.Stream;

/**
 * Takes a master stream of the simulated design: ready is high with probability {@code readyRate} each cycle
 * (random backpressure; 1 for none, 0 to stall), and every beat the design hands over goes to {@code onBeat},
 * called at the clock edge of the handshake.
 */
public final class StreamSink {
    private final Stream<? extends BitVector> stream;
    private final Random random;
    private final Consumer<BigInteger> onBeat;
    private double readyRate;
    private long beats;

    public StreamSink(Stream<? extends BitVector> stream, SimClock clock, Random random, double readyRate,
                      Consumer<BigInteger> onBeat) {
        this.stream = stream;
        this.random = random;
        this.onBeat = onBeat;
        setReadyRate(readyRate);
        Signals.write(stream.ready(), false);
        clock.onEachCycle(this::cycle);
    }

    public void setReadyRate(double rate) {
        if (!(rate >= 0 && rate <= 1)) throw new IllegalArgumentException("ready rate must be in [0, 1], got " + rate);
        this.readyRate = rate;
    }

    public long beats() {
        return beats;
    }

    private void cycle() {
        if (Signals.read(stream.valid()) && Signals.read(stream.ready())) {
            beats++;
            onBeat.accept(Signals.read(stream.payload()));
        }
        Signals.write(stream.ready(), random.nextDouble() < readyRate);
    }
}
