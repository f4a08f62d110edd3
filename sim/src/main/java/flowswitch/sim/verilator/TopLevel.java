package flowswitch.sim.verilator;

import java.util.regex.Pattern;

/**
 * The shape of a generated switch top as the harness sees it: the Verilog module name, the number of
 * AXI4-Stream ports and their data width in bits (tkeep has {@code dataWidth / 8} bits).
 */
public record TopLevel(String name, int ports, int dataWidth) {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
    /** tkeep must fit one scalar Verilator member (64 bits), so tdata is at most 512 bits. */
    public static final int MAX_DATA_WIDTH = 512;
    public static final int MAX_PORTS = 64;

    public TopLevel {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("top-level name '" + name + "' is not a Verilog identifier;"
                    + " pass the module name the generator wrote (usually FlowSwitch)");
        }
        if (ports < 1 || ports > MAX_PORTS) {
            throw new IllegalArgumentException("ports = " + ports + " is out of range: use 1.." + MAX_PORTS);
        }
        if (dataWidth < 8 || dataWidth > MAX_DATA_WIDTH || dataWidth % 8 != 0) {
            throw new IllegalArgumentException("dataWidth = " + dataWidth
                    + " is not supported: use a multiple of 8 from 8 to " + MAX_DATA_WIDTH + " (64 and 256 are the usual)");
        }
    }

    /** Bytes per beat, one per tkeep bit. */
    public int laneBytes() {
        return dataWidth / 8;
    }
}
