package flowswitch.hdl.board.eth;

import flowswitch.hdl.simtest.SimClock;
import flowswitch.hdl.simtest.Signals;
import java.util.ArrayList;
import java.util.List;

/** Records what the harness transmits: each run of valid units is one frame on the wire, and the idle gap before it. */
final class PhyMonitor {
    private final EthPortHarness dut;
    private final int phyWidth;
    private final List<byte[]> frames = new ArrayList<>();
    private final List<Integer> gapsBefore = new ArrayList<>();
    private List<Integer> current;
    private int idle;

    PhyMonitor(EthPortHarness dut, SimClock txClock, int phyWidth) {
        this.dut = dut;
        this.phyWidth = phyWidth;
        txClock.onEachCycle(this::cycle);
    }

    List<byte[]> frames() {
        return frames;
    }

    /** Idle units before each frame (the first frame's is the time since reset). */
    List<Integer> gapsBefore() {
        return gapsBefore;
    }

    private void cycle() {
        if (Signals.read(dut.phyTxValid)) {
            if (current == null) {
                current = new ArrayList<>();
                gapsBefore.add(idle);
            }
            current.add((int) Signals.readLong(dut.phyTxData));
            idle = 0;
        } else {
            if (current != null) frames.add(EthWire.bytes(current, phyWidth));
            current = null;
            idle++;
        }
    }
}
