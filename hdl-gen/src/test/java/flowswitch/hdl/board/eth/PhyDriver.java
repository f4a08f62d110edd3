package flowswitch.hdl.board.eth;

import flowswitch.hdl.simtest.SimClock;
import flowswitch.hdl.simtest.Signals;
import java.util.ArrayDeque;
import java.util.List;

/** Plays PHY receive units (one per PHY clock) into the harness; idle (valid low) when it has none. */
final class PhyDriver {
    private record Unit(int value, boolean valid, boolean error) {}

    private final EthPortHarness dut;
    private final ArrayDeque<Unit> queue = new ArrayDeque<>();

    PhyDriver(EthPortHarness dut, SimClock rxClock) {
        this.dut = dut;
        Signals.write(dut.phyRxValid, false);
        Signals.write(dut.phyRxError, false);
        Signals.write(dut.phyRxData, 0);
        rxClock.onEachCycle(this::cycle);
    }

    /** One frame's units; {@code errorAt} marks the unit at that index with rx_er (-1 for none). */
    void send(List<Integer> units, int errorAt) {
        for (int i = 0; i < units.size(); i++) queue.add(new Unit(units.get(i), true, i == errorAt));
    }

    void idle(int units) {
        for (int i = 0; i < units; i++) queue.add(new Unit(0, false, false));
    }

    boolean done() {
        return queue.isEmpty();
    }

    private void cycle() {
        Unit u = queue.poll();
        if (u == null) u = new Unit(0, false, false);
        Signals.write(dut.phyRxValid, u.valid());
        Signals.write(dut.phyRxError, u.error());
        Signals.write(dut.phyRxData, u.value());
    }
}
