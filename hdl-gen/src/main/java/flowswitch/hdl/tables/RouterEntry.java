package flowswitch.hdl.tables;

import flowswitch.hdl.dsl.BitLayout;

/** One slot of the router table as the datapath sees it. {@code up}: RouterState code (0 down, 1 up). */
public final class RouterEntry {
    private RouterEntry() {}

    public static final BitLayout LAYOUT = BitLayout.builder("RouterEntry")
            .field("valid", 1)
            .field("mac", 48)
            .field("up", 1)
            .build();
}
