package flowswitch.hdl.ingress;

import flowswitch.hdl.simtest.AxisFrame;
import java.util.Random;

/**
 * Random frames of a given length that reach every parse outcome: raw bytes, ARP (for IPv4 over Ethernet or not), and
 * IPv4 with or without a VLAN tag, with options, ports, fragments, and now and then a broken version, IHL or total
 * length; one in ten with tuser.
 */
final class RandomFrames {
    private static final int[] PROTOCOLS = {Ipv4Header.TCP, Ipv4Header.UDP, Ipv4Header.TCP, Ipv4Header.UDP, Ipv4Header.ICMP};
    private final Random random;

    RandomFrames(Random random) {
        this.random = random;
    }

    AxisFrame next(int length) {
        boolean user = random.nextInt(10) == 0;
        FrameBuilder b = FrameBuilder.ethernet(random.nextLong() & 0xFFFF_FFFF_FFFFL, random.nextLong() & 0xFFFF_FFFF_FFFFL);
        int kind = random.nextInt(10);
        if (kind == 0) return b.frame(length, random, user);
        if (kind == 1) return arp(b).frame(length, random, user);
        int l3 = 14;
        if (random.nextInt(3) == 0) {
            b.vlan(random.nextInt(1 << 16));
            l3 = 18;
        }
        b.etherType(FrameBuilder.ETH_IPV4);
        int version = random.nextInt(20) == 0 ? random.nextInt(16) : 4;
        int ihl = random.nextInt(10) == 0 ? random.nextInt(16) : 5 + random.nextInt(11);
        int proto = random.nextInt(10) == 0 ? random.nextInt(256) : PROTOCOLS[random.nextInt(PROTOCOLS.length)];
        int r = random.nextInt(20);
        int total = r < 14 ? length - l3 : r < 17 ? length - l3 - random.nextInt(12) : random.nextInt(length + 1);
        int flags = r % 4 != 0 ? Ipv4Header.DONT_FRAGMENT : random.nextBoolean() ? Ipv4Header.MORE_FRAGMENTS : random.nextInt(1 << 16);
        b.ipv4(new Ipv4Header(version, ihl, Math.max(0, total), flags, proto, random.nextInt() & 0xFFFF_FFFFL,
                random.nextInt() & 0xFFFF_FFFFL)).ports(random.nextInt(1 << 16), random.nextInt(1 << 16));
        return b.frame(length, random, user);
    }

    /** ARP, tagged or not: mostly a request or reply for IPv4 over Ethernet, now and then random bytes. */
    private FrameBuilder arp(FrameBuilder b) {
        if (random.nextInt(3) == 0) b.vlan(random.nextInt(1 << 16));
        b.etherType(FrameBuilder.ETH_ARP);
        if (random.nextInt(4) == 0) return b;
        return b.arp(FrameBuilder.ARP_IPV4_OVER_ETHERNET, 1 + random.nextInt(2), random.nextLong() & 0xFFFF_FFFF_FFFFL,
                random.nextInt() & 0xFFFF_FFFFL, random.nextInt() & 0xFFFF_FFFFL);
    }
}
