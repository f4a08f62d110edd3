package flowswitch.hdl.decision;

import flowswitch.hdl.dsl.Hw;

/** @param routers router table slots (a power of two, so the pick's start is a slice of the hash) */
public record RouterFailoverConfig(int routers) {
    public RouterFailoverConfig {
        if (routers < 1 || routers > 16 || Integer.bitCount(routers) != 1) {
            throw new IllegalArgumentException("routers must be a power of two in 1..16, got " + routers);
        }
    }

    public static RouterFailoverConfig defaults() {
        return new RouterFailoverConfig(4);
    }

    /** Width of a router slot index (at least 1). */
    public int indexBits() {
        return Hw.log2Up(routers);
    }

    /** Bits of the hash that pick the first slot tried: {@code hash mod routers}. */
    public int startBits() {
        return Integer.numberOfTrailingZeros(routers);
    }
}
