package flowswitch.hdl.board;

import static flowswitch.hdl.dsl.Hw.*;

import spinal.core.Bool;
import spinal.core.ClockDomain;
import spinal.core.ClockDomain$;
import spinal.core.ClockDomainConfig;
import spinal.lib.BufferCC$;

/**
 * Clock domains of a board top. Board tops have no implicit clock: every domain is made here from a clock pin (or
 * a clock buffer's output), with the switch's clocking convention (rising edge, synchronous active-high reset), and
 * every reset reaches its domain through a two-stage synchronizer.
 */
public final class BoardClocks {
    private BoardClocks() {}

    /** A domain clocked by {@code clock} and reset (synchronously, active high) by {@code reset}. */
    public static ClockDomain domain(Bool clock, Bool reset) {
        return create(clock, reset, new ClockDomainConfig(spinal.core.RISING$.MODULE$, spinal.core.SYNC$.MODULE$,
                spinal.core.HIGH$.MODULE$, spinal.core.HIGH$.MODULE$, spinal.core.HIGH$.MODULE$));
    }

    /** A domain without reset whose registers start at their init values when the FPGA is configured. */
    public static ClockDomain bootDomain(Bool clock) {
        return create(clock, null, new ClockDomainConfig(spinal.core.RISING$.MODULE$, spinal.core.BOOT$.MODULE$,
                spinal.core.HIGH$.MODULE$, spinal.core.HIGH$.MODULE$, spinal.core.HIGH$.MODULE$));
    }

    /**
     * A domain on {@code clock} reset by {@code reset} from another domain: the reset is asserted from configuration
     * on and released through two registers on {@code clock}.
     */
    public static ClockDomain resetFrom(Bool clock, Bool reset) {
        return domain(clock, syncReset(clock, reset));
    }

    /** {@code reset} (from any domain, or a pin) as a reset for {@code clock}: asserted from configuration on. */
    public static Bool syncReset(Bool clock, Bool reset) {
        return bootDomain(clock).apply(() -> BufferCC$.MODULE$.apply(reset, () -> TRUE(), 2));
    }

    /**
     * A signal of the component being built, named {@code name} and driven by {@code source}. Clock buffers and
     * synchronizers hand back their own output ports; naming those directly would rename the ports.
     */
    public static Bool net(String name, Bool source) {
        Bool net = named(bool(), name);
        assign(net, source);
        return net;
    }

    private static ClockDomain create(Bool clock, Bool reset, ClockDomainConfig config) {
        ClockDomain$ cd = ClockDomain$.MODULE$;
        return cd.apply(clock, reset, cd.apply$default$3(), cd.apply$default$4(), cd.apply$default$5(), config,
                cd.apply$default$7(), cd.apply$default$8());
    }
}
