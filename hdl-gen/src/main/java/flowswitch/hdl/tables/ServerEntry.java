package flowswitch.hdl.tables;

import flowswitch.hdl.dsl.BitLayout;

/** One slot of the server table as the datapath sees it. {@code state}: 0 down, 1 up, 2 drain (ServerState codes). */
public final class ServerEntry {
    private ServerEntry() {}

    public static final BitLayout LAYOUT = BitLayout.builder("ServerEntry")
            .field("valid", 1)
            .field("mac", 48)
            .field("port", 8)
            .field("service", 4)
            .field("state", 2)
            .field("weight", 16)
            .build();
}
