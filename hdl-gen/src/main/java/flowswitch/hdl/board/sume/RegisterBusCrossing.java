package flowswitch.hdl.board.sume;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.hdl.control.axil.AxiLite;
import flowswitch.hdl.dsl.HwComponent;
import flowswitch.hdl.dsl.LibraryIo;
import spinal.core.ClockDomain;
import spinal.core.Data;
import spinal.lib.Stream;
import spinal.lib.StreamFifoCC;
import spinal.lib.bus.amba4.axilite.AxiLite4;

/**
 * Carries an AXI4-Lite bus from the register master's clock domain into this component's (the switch's): each of
 * the five channels through its own spinal.lib {@link StreamFifoCC} (spinal.lib has no AXI4-Lite clock crossing).
 * Responses keep their order, since each channel is a FIFO and AXI4-Lite has no IDs.
 */
public final class RegisterBusCrossing extends HwComponent {
    private static final int DEPTH = 4;

    /** The bus in the register master's domain. */
    public final AxiLite4 sAxil = AxiLite.slavePort();
    /** The same bus in this component's domain. */
    public final AxiLite4 mAxil = AxiLite.masterPort();

    public RegisterBusCrossing(ClockDomain masterDomain) {
        ClockDomain switchDomain = clockDomain().get();
        cross("aw", sAxil.aw(), mAxil.aw(), masterDomain, switchDomain);
        cross("w", sAxil.w(), mAxil.w(), masterDomain, switchDomain);
        cross("b", mAxil.b(), sAxil.b(), switchDomain, masterDomain);
        cross("ar", sAxil.ar(), mAxil.ar(), masterDomain, switchDomain);
        cross("r", mAxil.r(), sAxil.r(), switchDomain, masterDomain);
    }

    private static <T extends Data> void cross(String channel, Stream<T> from, Stream<T> to, ClockDomain pushDomain,
                                               ClockDomain popDomain) {
        StreamFifoCC<T> fifo = library(new StreamFifoCC<>(type(() -> spinal.core.cloneOf$.MODULE$.apply(from.payload())),
                DEPTH, pushDomain, popDomain, StreamFifoCC.$lessinit$greater$default$5()));
        named(fifo, channel + "_crossing");
        connect(from, LibraryIo.port(fifo, "push"));
        connect(LibraryIo.port(fifo, "pop"), to);
    }
}
