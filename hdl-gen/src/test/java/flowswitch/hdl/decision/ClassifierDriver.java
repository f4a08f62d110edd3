package flowswitch.hdl.decision;

import flowswitch.hdl.decision.ServiceSlot.Frame;
import flowswitch.hdl.simtest.SimClock;
import flowswitch.hdl.simtest.Signals;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Drives a simulated {@link ServiceClassifier}: service slots in, one frame per clock, the match of that cycle out. */
final class ClassifierDriver {
    /** A match: the slot and the scheduler code it holds. */
    record Match(int slot, int scheduler) {}

    private final ServiceClassifier dut;
    private final SimClock clock;
    private final int slots;

    ClassifierDriver(ServiceClassifier dut, int slots) {
        this.dut = dut;
        this.slots = slots;
        setSlots(Collections.nCopies(slots, ServiceSlot.EMPTY));
        classifyInputs(new Frame(false, false, 0, 0, 0));
        clock = SimClock.start(dut);
    }

    void setSlots(List<ServiceSlot> table) {
        if (table.size() != slots) throw new IllegalArgumentException(table.size() + " entries for " + slots + " slots");
        for (int i = 0; i < slots; i++) Signals.write(dut.services.apply(i), table.get(i).pack());
    }

    Optional<Match> classify(Frame frame) {
        classifyInputs(frame);
        clock.run(1);
        return Signals.read(dut.hit)
                ? Optional.of(new Match((int) Signals.readLong(dut.index), (int) Signals.readLong(dut.policy)))
                : Optional.empty();
    }

    private void classifyInputs(Frame frame) {
        Signals.write(dut.fromUplink, frame.fromUplink());
        Signals.write(dut.l4, frame.l4());
        Signals.write(dut.dstIp, frame.dstIp());
        Signals.write(dut.proto, frame.proto());
        Signals.write(dut.dstPort, frame.dstPort());
    }
}
