package flowswitch.hdl.control;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.hdl.control.regs.RegisterDeclarer;
import java.util.List;
import spinal.core.Bool;
import spinal.core.UInt;

/** The 64-bit counters: each adds its amount (or one) on its inc input; {@code clear} zeroes them all. */
final class CounterBank {
    private CounterBank() {}

    static void declare(RegisterDeclarer regs, List<CounterInput> inputs, Bool clear) {
        for (CounterInput input : inputs) {
            CounterSpec spec = input.spec();
            UInt count = named(regUInt(64, 0), "count_" + spec.stem());
            UInt step = input.amount().map(a -> resize(a, 64)).orElseGet(() -> u(1, 64));
            when(clear, () -> assign(count, 0)).elseWhen(input.inc(), () -> assign(count, add(count, step)));
            regs.counter(spec.registerGroup(), spec.index(), spec.name(), spec.doc(), count);
        }
    }
}
