package flowswitch.driver.api;

import flowswitch.config.FlowTimeouts;
import flowswitch.config.SwitchConfig;
import java.time.Duration;

/**
 * The flow table's aging registers: clock cycles per tick (FLOW_TICK_CYCLES, 0 stops aging) and each kind's idle
 * timeout in ticks (FLOW_TIMEOUT_*, 0 never ages out). A tick is {@link FlowTimeouts#TICK} on the clock the config
 * names.
 */
public record FlowAging(long tickCycles, int tcpTicks, int tcpClosingTicks, int udpTicks) {
    /** Nothing ages out, and the tick stays stopped as a device comes out of reset. */
    public static final FlowAging STOPPED = new FlowAging(0, 0, 0, 0);

    private static final long TICKS_PER_SECOND = Duration.ofSeconds(1).dividedBy(FlowTimeouts.TICK);

    public FlowAging {
        if (tickCycles < 0 || tcpTicks < 0 || tcpClosingTicks < 0 || udpTicks < 0) {
            throw new IllegalArgumentException("aging settings are counts and cannot be negative: tick "
                    + tickCycles + ", timeouts " + tcpTicks + ", " + tcpClosingTicks + ", " + udpTicks);
        }
    }

    /**
     * The registers for a config's clock and timeouts, each timeout rounded up to whole ticks. When nothing ages
     * out the tick is left stopped, so a device that never aged reads back as the same settings.
     */
    public static FlowAging of(long clockHz, FlowTimeouts timeouts) {
        if (timeouts.neverAge()) {
            return STOPPED;
        }
        return new FlowAging(FlowTimeouts.tickCycles(clockHz), FlowTimeouts.ticks(timeouts.tcp()),
                FlowTimeouts.ticks(timeouts.tcpClosing()), FlowTimeouts.ticks(timeouts.udp()));
    }

    public static FlowAging of(SwitchConfig config) {
        return of(config.clockHz(), config.flowTimeouts());
    }

    public boolean stopped() {
        return tickCycles == 0;
    }

    public int ticks(FlowKind kind) {
        return switch (kind) {
            case TCP -> tcpTicks;
            case TCP_CLOSING -> tcpClosingTicks;
            case UDP -> udpTicks;
        };
    }

    /** What the timeout registers of {@code kind} say, whether or not the tick runs. */
    public Duration timeout(FlowKind kind) {
        return FlowTimeouts.ofTicks(ticks(kind));
    }

    /** The timeouts in effect: none while the tick is stopped. */
    public FlowTimeouts timeouts() {
        return stopped() ? FlowTimeouts.NEVER
                : new FlowTimeouts(timeout(FlowKind.TCP), timeout(FlowKind.TCP_CLOSING), timeout(FlowKind.UDP));
    }

    /** The core clock these settings were made for, in Hz; 0 (unknown) while the tick is stopped. */
    public long clockHz() {
        return tickCycles * TICKS_PER_SECOND;
    }
}
