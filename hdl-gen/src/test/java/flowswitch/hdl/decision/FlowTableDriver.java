package flowswitch.hdl.decision;

import flowswitch.hdl.simtest.SimClock;
import flowswitch.hdl.simtest.Signals;
import java.math.BigInteger;

/**
 * Drives a simulated {@link FlowTable} one clock at a time: each step sets every input, lets one edge pass and
 * returns what the combinational lookup answered in that cycle (before the edge applied the step's write or flush).
 */
final class FlowTableDriver {
    /** One write: key and value into entry {@code index}. */
    record Write(int index, BigInteger key, long value) {}

    private final FlowTable dut;
    private final SimClock clock;

    /** Idles the inputs and starts the clock; the first step is the first cycle after reset. */
    FlowTableDriver(FlowTable dut) {
        this.dut = dut;
        Signals.write(dut.lookupKey, 0);
        idleWrites();
        clock = SimClock.start(dut);
    }

    FlowLookup look(BigInteger key) {
        return step(key, null, false);
    }

    FlowLookup step(BigInteger key, Write write, boolean flush) {
        Signals.write(dut.lookupKey, key);
        if (write == null) {
            idleWrites();
        } else {
            Signals.write(dut.writeEnable, true);
            Signals.write(dut.writeIndex, write.index());
            Signals.write(dut.writeKey, write.key());
            Signals.write(dut.writeValue, write.value());
        }
        Signals.write(dut.flush, flush);
        clock.run(1);
        return FlowLookup.of(Signals.read(dut.hit), (int) Signals.readLong(dut.hitIndex), Signals.readLong(dut.hitValue),
                Signals.read(dut.freeAvailable), (int) Signals.readLong(dut.freeIndex), (int) Signals.readLong(dut.occupancy));
    }

    private void idleWrites() {
        Signals.write(dut.writeEnable, false);
        Signals.write(dut.writeIndex, 0);
        Signals.write(dut.writeKey, 0);
        Signals.write(dut.writeValue, 0);
        Signals.write(dut.flush, false);
    }
}
