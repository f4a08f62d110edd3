package flowswitch.hdl.simtest;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import spinal.core.ClockDomain;
import spinal.core.Component;

/**
 * The clock of a simulated component, with a cycle count and per-cycle callbacks. Test benches built on it run
 * as callbacks on each clock edge (no simulation thread per stream), which keeps SpinalSim fast from Java.
 */
public final class SimClock {
    private static final spinal.core.sim.package$ SIM = spinal.core.sim.package$.MODULE$;
    private static final long PERIOD = 10;

    private final ClockDomain domain;
    private long cycle;

    private SimClock(ClockDomain domain) {
        this.domain = domain;
    }

    /** Starts the clock (and the reset sequence) of {@code dut}; callbacks run from the first edge after reset. */
    public static SimClock start(Component dut) {
        return start(dut.clockDomain().get(), PERIOD);
    }

    /**
     * Starts one clock domain of a design with several, with its own period (in simulation time units); its clock
     * and reset must be pins of the design.
     */
    public static SimClock start(ClockDomain domain, long period) {
        SimClock clock = new SimClock(domain);
        SIM.SimClockDomainPimper(clock.domain).forkStimulus(period);
        clock.onEachCycle(() -> clock.cycle++);
        return clock;
    }

    /** Clock edges (outside reset) seen so far. */
    public long cycle() {
        return cycle;
    }

    /** Runs {@code body} at every clock edge outside reset, in registration order. */
    public void onEachCycle(Runnable body) {
        SIM.SimClockDomainPimper(domain).onSamplings(() -> {
            body.run();
            return scala.runtime.BoxedUnit.UNIT;
        });
    }

    public void run(int cycles) {
        SIM.SimClockDomainPimper(domain).waitSampling(cycles);
    }

    /**
     * Runs until {@code done} holds, checked every few cycles; fails with {@code status} when it still does not
     * after {@code maxCycles}. Returns the cycles it ran.
     */
    public long runUntil(BooleanSupplier done, long maxCycles, Supplier<String> status) {
        long start = cycle;
        while (!done.getAsBoolean()) {
            if (cycle - start >= maxCycles) {
                throw new AssertionError("not done after " + maxCycles + " cycles: " + status.get());
            }
            run(16);
        }
        return cycle - start;
    }
}
