package flowswitch.hdl.stream;

import flowswitch.hdl.dsl.BitLayout;

/**
 * One AXI4-Stream beat as it travels inside the switch: {@code data} (byte 0 of the beat in bits 7:0),
 * {@code keep} (one bit per byte lane, contiguous from lane 0 on the last beat), {@code last}, and {@code user}
 * (the MAC's bad-frame flag, meaningful on the last beat).
 */
public final class AxisBeat {
    private AxisBeat() {}

    public static BitLayout layout(int dataWidth) {
        return BitLayout.builder("AxisBeat")
                .field("data", dataWidth)
                .field("keep", dataWidth / 8)
                .field("last", 1)
                .field("user", 1)
                .build();
    }
}
