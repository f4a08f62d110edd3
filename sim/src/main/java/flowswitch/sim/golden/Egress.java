package flowswitch.sim.golden;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A frame leaving the switch on {@code port}; compares by content. An {@code aborted} frame leaves with tuser on its
 * last beat (a late error, docs/datapath.md "Parse"), as much of it as the switch stored.
 */
public record Egress(int port, byte[] frame, boolean aborted) {
    public Egress {
        frame = frame.clone();
    }

    public Egress(int port, byte[] frame) {
        this(port, frame, false);
    }

    @Override
    public byte[] frame() {
        return frame.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Egress that && port == that.port && aborted == that.aborted
                && Arrays.equals(frame, that.frame);
    }

    @Override
    public int hashCode() {
        return (port * 31 + Arrays.hashCode(frame)) * 2 + (aborted ? 1 : 0);
    }

    @Override
    public String toString() {
        return "Egress[port=" + port + (aborted ? ", aborted" : "") + ", " + frame.length + " bytes: "
                + HexFormat.of().formatHex(frame, 0, Math.min(frame.length, 34)) + (frame.length > 34 ? "…" : "") + "]";
    }
}
