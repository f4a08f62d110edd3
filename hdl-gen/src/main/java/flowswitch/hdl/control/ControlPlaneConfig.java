package flowswitch.hdl.control;

import flowswitch.hdl.flowtable.FlowTableConfig;
import flowswitch.config.HardwareParams;
import flowswitch.hdl.control.uart.UartBridgeConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything a {@link ControlPlane} is built from: the build parameters (table sizes, ports), its counters, and the
 * UART bridge's bit time in clocks and frame-gap limit in byte times ({@link UartBridgeConfig}).
 */
public record ControlPlaneConfig(HardwareParams hw, List<CounterSpec> counters, int uartClocksPerBit,
                                 int uartFrameGapBytes) {
    /** The core clock that {@link #defaults()} assumes: the 125 MHz of 1G Ethernet designs. */
    public static final long DEFAULT_CLOCK_HZ = 125_000_000L;
    public static final int DEFAULT_BAUD = 115_200;

    /** @throws IllegalArgumentException naming the field or counter at fault and what would be accepted */
    public ControlPlaneConfig {
        if (hw == null) throw new IllegalArgumentException("ControlPlaneConfig needs hardware parameters (hw)");
        if (counters == null) throw new IllegalArgumentException("ControlPlaneConfig needs a counter list (may be empty)");
        counters = List.copyOf(counters);
        if (counters.size() > ControlPlane.MAX_COUNTERS) {
            throw new IllegalArgumentException(counters.size() + " counters do not fit the register space; at most "
                    + ControlPlane.MAX_COUNTERS);
        }
        Set<String> stems = new HashSet<>();
        for (CounterSpec c : counters) {
            if (!stems.add(c.stem())) throw new IllegalArgumentException("counter " + c.stem() + " is listed twice");
            int slots = switch (c.registerGroup()) {
                case PORT -> hw.ports();
                case SERVICE -> hw.maxServices();
                case SERVER -> hw.maxServers();
                case ROUTER -> hw.maxRouters();
                default -> 0;
            };
            if (c.registerGroup().indexed() && c.index() >= slots) {
                throw new IllegalArgumentException("counter " + c.stem() + ": index " + c.index() + " is beyond the "
                        + slots + " " + c.group() + " slots of this hardware (0.." + (slots - 1) + ")");
            }
        }
        new UartBridgeConfig(uartClocksPerBit, uartFrameGapBytes);
    }

    /** With the default frame-gap limit ({@value UartBridgeConfig#DEFAULT_FRAME_GAP_BYTES} byte times). */
    public ControlPlaneConfig(HardwareParams hw, List<CounterSpec> counters, int uartClocksPerBit) {
        this(hw, counters, uartClocksPerBit, UartBridgeConfig.DEFAULT_FRAME_GAP_BYTES);
    }

    /** Default hardware, the standard counters, 115200 baud at 125 MHz. */
    public static ControlPlaneConfig defaults() {
        return forHardware(HardwareParams.defaults());
    }

    /** The standard counters of {@code hw} ({@link CounterSpec#standard}), 115200 baud at 125 MHz. */
    public static ControlPlaneConfig forHardware(HardwareParams hw) {
        return new ControlPlaneConfig(hw, CounterSpec.standard(hw),
                UartBridgeConfig.clocksPerBit(DEFAULT_CLOCK_HZ, DEFAULT_BAUD));
    }

    /** The flow table whose registers the control plane holds. */
    public FlowTableConfig flowTable() {
        return FlowTableConfig.forHardware(hw);
    }

    public ControlPlaneConfig withCounters(List<CounterSpec> value) {
        return new ControlPlaneConfig(hw, value, uartClocksPerBit, uartFrameGapBytes);
    }

    public ControlPlaneConfig withUartClocksPerBit(int value) {
        return new ControlPlaneConfig(hw, counters, value, uartFrameGapBytes);
    }

    /** The bit time for {@code baud} on a {@code clockHz} clock. */
    public ControlPlaneConfig withUartBaud(long clockHz, long baud) {
        return withUartClocksPerBit(UartBridgeConfig.clocksPerBit(clockHz, baud));
    }

    public ControlPlaneConfig withUartFrameGapBytes(int value) {
        return new ControlPlaneConfig(hw, counters, uartClocksPerBit, value);
    }

    public ControlPlaneConfig withUartBridge(UartBridgeConfig value) {
        return new ControlPlaneConfig(hw, counters, value.clocksPerBit(), value.frameGapBytes());
    }

    public UartBridgeConfig uartBridge() {
        return new UartBridgeConfig(uartClocksPerBit, uartFrameGapBytes);
    }
}
