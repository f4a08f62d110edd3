package flowswitch.hdl.decision;

import flowswitch.hdl.dsl.Hw;

/**
 * @param servers        server slots (a power of two)
 * @param services       service slots, each with its own round-robin state
 * @param connectionBits bits of a server's active connection count ({@link ConnectionCounts})
 */
public record SchedulerConfig(int servers, int services, int connectionBits) {
    public SchedulerConfig {
        if (servers < 2 || servers > 256 || Integer.bitCount(servers) != 1) {
            throw new IllegalArgumentException("servers must be a power of two in 2..256, got " + servers);
        }
        if (services < 1 || services > 16) throw new IllegalArgumentException("services must be 1..16, got " + services);
        if (connectionBits < 1 || connectionBits > 32) {
            throw new IllegalArgumentException("connectionBits must be 1..32, got " + connectionBits);
        }
    }

    public static SchedulerConfig defaults() {
        return new SchedulerConfig(16, 4, 7);
    }

    public int serverBits() {
        return Integer.numberOfTrailingZeros(servers);
    }

    public int serviceBits() {
        return Hw.log2Up(services);
    }
}
