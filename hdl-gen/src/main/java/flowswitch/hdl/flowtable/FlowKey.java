package flowswitch.hdl.flowtable;

import flowswitch.hdl.dsl.BitLayout;

/** A connection as the flow table knows it: (service slot, client IP, client port, VIP port, protocol). */
public final class FlowKey {
    private FlowKey() {}

    public static BitLayout layout(int serviceBits) {
        return BitLayout.builder("FlowKey")
                .field("service", serviceBits)
                .field("src_ip", 32)
                .field("src_port", 16)
                .field("dst_port", 16)
                .field("proto", 8)
                .build();
    }
}
