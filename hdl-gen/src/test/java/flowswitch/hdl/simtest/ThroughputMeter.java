package flowswitch.hdl.simtest;

import spinal.core.Data;
import spinal.lib.Stream;

/** Counts the handshakes on a stream and the clock cycles from its first to its last one. */
public final class ThroughputMeter {
    private final Stream<? extends Data> stream;
    private final SimClock clock;
    private long beats;
    private long first = -1;
    private long last = -1;

    public ThroughputMeter(Stream<? extends Data> stream, SimClock clock) {
        this.stream = stream;
        this.clock = clock;
        clock.onEachCycle(this::cycle);
    }

    public long beats() {
        return beats;
    }

    /** Cycles from the first handshake to the last, both included (0 before any). */
    public long span() {
        return beats == 0 ? 0 : last - first + 1;
    }

    /** Handshakes per cycle over {@link #span()}. */
    public double beatsPerCycle() {
        return beats == 0 ? 0 : (double) beats / span();
    }

    private void cycle() {
        if (Signals.read(stream.valid()) && Signals.read(stream.ready())) {
            if (beats++ == 0) first = clock.cycle();
            last = clock.cycle();
        }
    }
}
