package flowswitch.hdl.control;

import static flowswitch.hdl.dsl.Hw.*;

import java.util.Optional;
import spinal.core.Bool;
import spinal.core.UInt;

/** The input ports of one counter: {@code stat_<stem>_inc}, and {@code stat_<stem>_amount} unless it counts events. */
public record CounterInput(CounterSpec spec, Bool inc, Optional<UInt> amount) {

    /** Creates the ports in the component being built. */
    static CounterInput ports(CounterSpec spec) {
        Bool inc = named(in(bool()), "stat_" + spec.stem() + "_inc");
        Optional<UInt> amount = spec.countsEvents() ? Optional.empty()
                : Optional.of(named(in(uint(spec.amountWidth())), "stat_" + spec.stem() + "_amount"));
        return new CounterInput(spec, inc, amount);
    }
}
