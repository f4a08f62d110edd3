package flowswitch.sim.verilator;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A frame as it left the design on {@code port}: its bytes and the cycles of its first and last beat
 * handshakes (cycle numbers as counted by {@link VerilatedModel#cycles()}).
 */
public record EgressFrame(int port, byte[] data, long firstBeatCycle, long lastBeatCycle) {
    public int length() {
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EgressFrame f && port == f.port && firstBeatCycle == f.firstBeatCycle
                && lastBeatCycle == f.lastBeatCycle && Arrays.equals(data, f.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * port + Long.hashCode(firstBeatCycle)) + Long.hashCode(lastBeatCycle))
                + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        int shown = Math.min(data.length, 32);
        return "EgressFrame[port=" + port + ", length=" + data.length + ", cycles=" + firstBeatCycle + ".."
                + lastBeatCycle + ", data=" + HexFormat.of().formatHex(data, 0, shown)
                + (shown < data.length ? "..." : "") + "]";
    }
}
