package flowswitch.hdl.egress;

/**
 * Build parameters of the {@link EgressSwitch}: the AXI4-Stream data width in bits and the number of ports (each
 * port is both an ingress dispatcher and an egress output).
 */
public record EgressSwitchConfig(int dataWidth, int ports) {
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
    }

    public static EgressSwitchConfig defaults() {
        return new EgressSwitchConfig(64, 4);
    }

    public EgressSwitchConfig withDataWidth(int value) {
        return new EgressSwitchConfig(value, ports);
    }

    public EgressSwitchConfig withPorts(int value) {
        return new EgressSwitchConfig(dataWidth, value);
    }

    public int beatBytes() {
        return dataWidth / 8;
    }
}
