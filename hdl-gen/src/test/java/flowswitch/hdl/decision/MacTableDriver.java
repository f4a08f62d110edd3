package flowswitch.hdl.decision;

import flowswitch.hdl.simtest.SimClock;
import flowswitch.hdl.simtest.Signals;

/**
 * Drives a simulated {@link MacTable} one clock at a time: each step sets the lookup and (optionally) a learn, lets
 * one edge pass and returns the lookup as answered in that cycle, before the edge applied the learn.
 */
final class MacTableDriver {
    /** One learn: {@code mac} seen as a source on {@code port}. */
    record Learn(long mac, int port) {}

    private final MacTable dut;
    private final SimClock clock;

    MacTableDriver(MacTable dut) {
        this.dut = dut;
        Signals.write(dut.lookupMac, 0);
        Signals.write(dut.learnEnable, false);
        Signals.write(dut.learnMac, 0);
        Signals.write(dut.learnPort, 0);
        clock = SimClock.start(dut);
    }

    MacLookup look(long mac) {
        return step(mac, null);
    }

    void learn(long mac, int port) {
        step(0, new Learn(mac, port));
    }

    MacLookup step(long lookupMac, Learn learn) {
        Signals.write(dut.lookupMac, lookupMac);
        Signals.write(dut.learnEnable, learn != null);
        Signals.write(dut.learnMac, learn == null ? 0 : learn.mac());
        Signals.write(dut.learnPort, learn == null ? 0 : learn.port());
        clock.run(1);
        return MacLookup.of(Signals.read(dut.known), (int) Signals.readLong(dut.knownPort), (int) Signals.readLong(dut.occupancy));
    }
}
