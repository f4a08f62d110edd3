package flowswitch.hdl.egress;

import flowswitch.hdl.decision.Decision;
import flowswitch.hdl.decision.SchedulerConfig;
import flowswitch.hdl.dsl.BitLayout;

/**
 * Build parameters of the {@link EgressSwitch}: the AXI4-Stream data width in bits, the number of ports (each
 * port is both an ingress dispatcher and an egress output), and the server and service slots its decisions name
 * (the egress counts their traffic as it leaves).
 */
public record EgressSwitchConfig(int dataWidth, int ports, SchedulerConfig scheduler) {
    /** Width of {@code stat_tx_<j>_bytes}; a frame's byte count wraps beyond it. */
    public static final int STAT_BYTES_WIDTH = 16;

    /** @throws IllegalArgumentException naming the bad parameter and the values it may take */
    public EgressSwitchConfig {
        if (dataWidth < 64 || dataWidth > 1024 || dataWidth % 64 != 0) {
            throw new IllegalArgumentException("EgressSwitchConfig.dataWidth is " + dataWidth
                    + "; use a multiple of 64 from 64 to 1024 (the switch is built for 64 and 256)");
        }
        if (ports < 2 || ports > 16) {
            throw new IllegalArgumentException("EgressSwitchConfig.ports is " + ports + "; use 2 to 16");
        }
        if (scheduler == null) throw new IllegalArgumentException("EgressSwitchConfig.scheduler is missing");
    }

    public static EgressSwitchConfig defaults() {
        return new EgressSwitchConfig(64, 4, SchedulerConfig.defaults());
    }

    public EgressSwitchConfig withDataWidth(int value) {
        return new EgressSwitchConfig(value, ports, scheduler);
    }

    public EgressSwitchConfig withPorts(int value) {
        return new EgressSwitchConfig(dataWidth, value, scheduler);
    }

    public EgressSwitchConfig withScheduler(SchedulerConfig value) {
        return new EgressSwitchConfig(dataWidth, ports, value);
    }

    public int beatBytes() {
        return dataWidth / 8;
    }

    /** The decisions the dispatchers take. */
    public BitLayout decisionLayout() {
        return Decision.layout(ports, scheduler.serverBits(), scheduler.serviceBits());
    }
}
