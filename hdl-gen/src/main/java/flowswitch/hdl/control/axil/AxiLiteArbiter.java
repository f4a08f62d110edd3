package flowswitch.hdl.control.axil;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.hdl.dsl.HwComponent;
import spinal.core.Bool;
import spinal.core.Data;
import spinal.lib.Stream;
import spinal.lib.bus.amba4.axilite.AxiLite4;

/**
 * Two AXI4-Lite masters onto one slave. Writes and reads are arbitrated separately; each direction carries one
 * transaction at a time (granted on AW or AR, held until B or R), and when both masters ask at once the one that
 * did not have the last grant of that direction wins (round-robin). One transaction at a time keeps responses
 * trivially in order, which is all a register block needs.
 */
public final class AxiLiteArbiter extends HwComponent {
    public final AxiLite4 s0Axil = AxiLite.slavePort();
    public final AxiLite4 s1Axil = AxiLite.slavePort();
    public final AxiLite4 mAxil = AxiLite.masterPort();

    private final Grant write = new Grant("write");
    private final Grant read = new Grant("read");
    private final Bool awDone = regBool(false);
    private final Bool wDone = regBool(false);
    private final Bool arDone = regBool(false);

    public AxiLiteArbiter() {
        Bool writeStart = write.arbitrate(s0Axil.aw().valid(), s1Axil.aw().valid());
        when(writeStart, () -> {
            assign(awDone, false);
            assign(wDone, false);
        });
        forward(write, s0Axil.aw(), s1Axil.aw(), mAxil.aw(), awDone);
        forward(write, s0Axil.w(), s1Axil.w(), mAxil.w(), wDone);
        answer(write, mAxil.b(), s0Axil.b(), s1Axil.b());

        Bool readStart = read.arbitrate(s0Axil.ar().valid(), s1Axil.ar().valid());
        when(readStart, () -> assign(arDone, false));
        forward(read, s0Axil.ar(), s1Axil.ar(), mAxil.ar(), arDone);
        answer(read, mAxil.r(), s0Axil.r(), s1Axil.r());
    }

    /** Passes the owner's request channel to the slave until one beat has gone through. */
    private static <T extends Data> void forward(Grant grant, Stream<T> from0, Stream<T> from1, Stream<T> to, Bool done) {
        Bool open = and(grant.busy, not(done));
        assign(to.valid(), and(open, mux(grant.owner, from1.valid(), from0.valid())));
        assign(to.payload(), mux(grant.owner, from1.payload(), from0.payload()));
        assign(from0.ready(), and(open, not(grant.owner), to.ready()));
        assign(from1.ready(), and(open, grant.owner, to.ready()));
        when(to.fire(), () -> assign(done, true));
    }

    /** Returns the slave's response to the owner; its handshake ends the transaction. */
    private static <T extends Data> void answer(Grant grant, Stream<T> from, Stream<T> to0, Stream<T> to1) {
        assign(to0.valid(), and(grant.busy, not(grant.owner), from.valid()));
        assign(to1.valid(), and(grant.busy, grant.owner, from.valid()));
        assign(to0.payload(), from.payload());
        assign(to1.payload(), from.payload());
        assign(from.ready(), and(grant.busy, mux(grant.owner, to1.ready(), to0.ready())));
        when(from.fire(), () -> assign(grant.busy, false));
    }

    /** Who holds one direction: {@code owner} false is master 0; it keeps the last owner while idle. */
    private static final class Grant {
        final Bool busy;
        final Bool owner;

        Grant(String direction) {
            busy = named(regBool(false), direction + "_busy");
            // Reset to master 1 so that master 0 wins the first tie.
            owner = named(regBool(true), direction + "_owner");
        }

        /** Grants an idle direction to a requester; true in the cycle a grant is made. */
        Bool arbitrate(Bool request0, Bool request1) {
            Bool start = and(not(busy), or(request0, request1));
            Bool pick1 = and(request1, or(not(request0), not(owner)));
            when(start, () -> {
                assign(busy, true);
                assign(owner, pick1);
            });
            return start;
        }
    }
}
