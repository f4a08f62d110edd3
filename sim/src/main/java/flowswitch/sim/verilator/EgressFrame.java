package flowswitch.sim.verilator;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A frame as it left the design on {@code port}: its bytes and the cycles of its first and last beat
 * handshakes (cycle numbers as counted by {@link VerilatedModel#cycles()}). An {@code aborted} frame had
 * {@code tuser} on its last beat: a MAC would not send it as good (docs/datapath.md "Frames on the ports").
 */
public record EgressFrame(int port, byte[] data, long firstBeatCycle, long lastBeatCycle, boolean aborted) {
    public int length() {
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EgressFrame f && port == f.port && firstBeatCycle == f.firstBeatCycle
                && lastBeatCycle == f.lastBeatCycle && aborted == f.aborted && Arrays.equals(data, f.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * (31 * port + Long.hashCode(firstBeatCycle)) + Long.hashCode(lastBeatCycle))
                + Arrays.hashCode(data)) + Boolean.hashCode(aborted);
    }

    @Override
    public String toString() {
        int shown = Math.min(data.length, 32);
        return "EgressFrame[port=" + port + ", length=" + data.length + (aborted ? ", aborted" : "") + ", cycles=" + firstBeatCycle + ".."
                + lastBeatCycle + ", data=" + HexFormat.of().formatHex(data, 0, shown)
                + (shown < data.length ? "..." : "") + "]";
    }
}
