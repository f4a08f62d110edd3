package flowswitch.hdl.decision;

import flowswitch.hdl.dsl.BitLayout;

/**
 * What the decision unit tells an ingress port's dispatcher about its next stored frame: the egress ports
 * ({@code dest}, one bit per port; zero drops the frame) and whether to rewrite the MACs (dst := {@code dstMac},
 * src := the switch MAC).
 */
public final class Decision {
    private Decision() {}

    public static BitLayout layout(int ports) {
        return BitLayout.builder("Decision")
                .field("dest", ports)
                .field("rewrite", 1)
                .field("dst_mac", 48)
                .build();
    }
}
