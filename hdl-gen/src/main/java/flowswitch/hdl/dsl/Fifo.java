package flowswitch.hdl.dsl;

import spinal.core.Data;
import spinal.core.UInt;
import spinal.lib.Stream;
import spinal.lib.StreamFifo;

/**
 * A spinal.lib {@link StreamFifo} with its ports typed for Java (Scala gives the FIFO an anonymous io bundle that
 * Java can only reach by reflection, through {@link LibraryIo}).
 */
public record Fifo<T extends Data>(StreamFifo<T> component, Stream<T> push, Stream<T> pop, UInt occupancy) {

    static <T extends Data> Fifo<T> of(StreamFifo<T> fifo) {
        return new Fifo<>(fifo, LibraryIo.port(fifo, "push"), LibraryIo.port(fifo, "pop"),
                LibraryIo.port(fifo, "occupancy"));
    }
}
