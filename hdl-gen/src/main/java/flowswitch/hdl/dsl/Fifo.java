package flowswitch.hdl.dsl;

import spinal.core.Data;
import spinal.core.UInt;
import spinal.lib.Stream;
import spinal.lib.StreamFifo;

/**
 * A spinal.lib {@link StreamFifo} with its ports typed for Java (Scala gives the FIFO an anonymous io bundle that
 * Java can only reach by reflection, so that is done once, here).
 */
public record Fifo<T extends Data>(StreamFifo<T> component, Stream<T> push, Stream<T> pop, UInt occupancy) {

    @SuppressWarnings("unchecked")
    static <T extends Data> Fifo<T> of(StreamFifo<T> fifo) {
        Object io = fifo.io();
        try {
            return new Fifo<>(fifo,
                    (Stream<T>) io.getClass().getMethod("push").invoke(io),
                    (Stream<T>) io.getClass().getMethod("pop").invoke(io),
                    (UInt) io.getClass().getMethod("occupancy").invoke(io));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("StreamFifo's io changed shape: " + e, e);
        }
    }
}
