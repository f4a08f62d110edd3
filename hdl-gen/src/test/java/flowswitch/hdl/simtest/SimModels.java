package flowswitch.hdl.simtest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import spinal.core.Component;
import spinal.core.sim.SimCompiled;

/**
 * Verilator models of components, compiled once per name and JVM (a compile costs seconds to minutes), into
 * {@code target/sim/<name>}. Test classes share a model by asking for the same name.
 */
public final class SimModels {
    private static final Map<String, SimCompiled<?>> COMPILED = new ConcurrentHashMap<>();

    private SimModels() {}

    /** The model named {@code name}, built from {@code top} (which must call {@code build(new X(...))}). */
    @SuppressWarnings("unchecked")
    public static <T extends Component> SimCompiled<T> get(String name, Supplier<T> top) {
        return (SimCompiled<T>) COMPILED.computeIfAbsent(name, n -> spinal.core.sim.package$.MODULE$.SimConfig()
                .withVerilator()
                .workspacePath("target/sim")
                .workspaceName(n)
                .cachePath("target/sim/cache")
                .compile(top::get));
    }

    /** Runs one simulation of {@code model}; {@code seed} seeds SpinalSim's own randomness. */
    public static <T extends Component> void run(SimCompiled<T> model, String test, int seed, Consumer<T> body) {
        model.doSim(test, seed, dut -> {
            body.accept(dut);
            return scala.runtime.BoxedUnit.UNIT;
        });
    }
}
