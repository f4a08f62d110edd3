package flowswitch.sim.traffic;

/** IPv4 header options seen on real networks; each a whole number of 32-bit words. */
enum IpOptions {
    NONE(new byte[0]),
    /** RFC 2113 router alert (IGMP, RSVP). */
    ROUTER_ALERT(new byte[] {(byte) 0x94, 0x04, 0x00, 0x00}),
    /** Padding NOPs and an end-of-list, as some stacks align options: IHL 7. */
    NOP_PADDING(new byte[] {1, 1, 1, 1, 1, 1, 1, 0});

    private final byte[] bytes;

    IpOptions(byte[] bytes) {
        this.bytes = bytes;
    }

    byte[] bytes() {
        return bytes.clone();
    }
}
