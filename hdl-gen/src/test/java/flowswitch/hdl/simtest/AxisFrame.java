package flowswitch.hdl.simtest;

import java.util.Arrays;
import java.util.HexFormat;

/** A frame as it travels on an AXI4-Stream port: its bytes and the {@code tuser} bit of its last beat. */
public record AxisFrame(byte[] bytes, boolean user) {
    public AxisFrame {
        if (bytes.length == 0) throw new IllegalArgumentException("a frame has at least one byte");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    public int byteAt(int index) {
        return bytes[index] & 0xFF;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AxisFrame f && f.user == user && Arrays.equals(f.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + Boolean.hashCode(user);
    }

    @Override
    public String toString() {
        return "AxisFrame[" + bytes.length + " bytes" + (user ? ", user" : "") + ": " + HexFormat.of().formatHex(bytes) + "]";
    }
}
