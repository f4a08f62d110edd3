package flowswitch.hdl.flowtable;

import flowswitch.hdl.dsl.BitLayout;

/** One connection in the table: key, server slot, kind (which idle timeout applies) and last-seen tick. */
public final class FlowEntry {
    private FlowEntry() {}

    public static BitLayout layout(int keyWidth, int valueWidth, int timeWidth) {
        return BitLayout.builder("FlowEntry")
                .field("valid", 1)
                .field("kind", FlowKind.WIDTH)
                .field("seen", timeWidth)
                .field("value", valueWidth)
                .field("key", keyWidth)
                .build();
    }
}
