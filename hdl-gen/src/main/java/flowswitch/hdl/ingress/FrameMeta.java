package flowswitch.hdl.ingress;

import flowswitch.hdl.dsl.BitLayout;

/**
 * What the parser tells the decision unit about one frame, at its decision point (docs/datapath.md "Parse"): its
 * length is not known yet, so no field holds it. MACs and IPs hold octet 0 in their top bits.
 * {@code src_ip} and {@code dst_ip} are the IPv4 addresses, or for a frame with ARP fields ({@code arp}) the sender
 * and target IP: no frame has both, and the decision unit matches either kind against the VIPs.
 */
public final class FrameMeta {
    private FrameMeta() {}

    public static final BitLayout LAYOUT = BitLayout.builder("FrameMeta")
            .field("status", FrameStatus.WIDTH)
            .field("dst_mac", 48)
            .field("src_mac", 48)
            .field("l4", 1)
            .field("proto", 8)
            .field("src_ip", 32)
            .field("dst_ip", 32)
            .field("src_port", 16)
            .field("dst_port", 16)
            .field("tcp_flags", 8)
            .field("arp", 1)
            .field("arp_request", 1)
            .field("arp_sha", 48)
            .build();
}
