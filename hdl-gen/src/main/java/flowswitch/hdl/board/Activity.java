package flowswitch.hdl.board;

import static flowswitch.hdl.dsl.Hw.*;

import spinal.core.Bool;
import spinal.core.UInt;

/** LED drivers: a one-cycle event stretched long enough to see, and a slow heartbeat. */
public final class Activity {
    private Activity() {}

    /** High for 2^{@code bits} clocks after each pulse. */
    public static Bool stretch(Bool pulse, int bits, String name) {
        UInt left = named(regUInt(bits, 0), name + "_left");
        when(pulse, () -> assign(left, (1L << bits) - 1)).elseWhen(neq(left, u(0, bits)), () -> assign(left, sub(left, u(1, bits))));
        return neq(left, u(0, bits));
    }

    /** A square wave with a period of 2^{@code bits} clocks. */
    public static Bool heartbeat(int bits) {
        UInt count = named(regUInt(bits, 0), "heartbeat_count");
        assign(count, add(count, 1));
        return bit(count, bits - 1);
    }
}
