package flowswitch.hdl.decision;

import flowswitch.hdl.dsl.BitLayout;

/**
 * What the decision unit tells an ingress port's dispatcher about its next frame: the egress ports ({@code dest},
 * one bit per port; zero drops the frame), whether to rewrite the MACs (dst := {@code dst_mac}, src := the switch
 * MAC), and whether to turn the frame, an ARP request for {@code vip}, into the switch's reply ({@code arp_reply};
 * its requester's MAC is {@code dst_mac}). A service frame ({@code served}) names its {@code server} and
 * {@code service}: their packet and byte counters count it when it has left whole, its length known only then.
 */
public final class Decision {
    private Decision() {}

    public static BitLayout layout(int ports, int serverBits, int serviceBits) {
        return BitLayout.builder("Decision")
                .field("dest", ports)
                .field("rewrite", 1)
                .field("dst_mac", 48)
                .field("arp_reply", 1)
                .field("vip", 32)
                .field("served", 1)
                .field("server", serverBits)
                .field("service", serviceBits)
                .build();
    }
}
