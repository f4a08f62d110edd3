package flowswitch.sim.golden;

import java.util.Arrays;
import java.util.HexFormat;

/** A frame leaving the switch on {@code port}; compares by content. */
public record Egress(int port, byte[] frame) {
    public Egress {
        frame = frame.clone();
    }

    @Override
    public byte[] frame() {
        return frame.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Egress that && port == that.port && Arrays.equals(frame, that.frame);
    }

    @Override
    public int hashCode() {
        return port * 31 + Arrays.hashCode(frame);
    }

    @Override
    public String toString() {
        return "Egress[port=" + port + ", " + frame.length + " bytes: "
                + HexFormat.of().formatHex(frame, 0, Math.min(frame.length, 34)) + (frame.length > 34 ? "…" : "") + "]";
    }
}
