package flowswitch.hdl.decision;

import flowswitch.hdl.dsl.Hw;

/**
 * @param servers  server slots (a power of two)
 * @param services service slots, each with its own round-robin state
 */
public record SchedulerConfig(int servers, int services) {
    public SchedulerConfig {
        if (servers < 2 || servers > 256 || Integer.bitCount(servers) != 1) {
            throw new IllegalArgumentException("servers must be a power of two in 2..256, got " + servers);
        }
        if (services < 1 || services > 16) throw new IllegalArgumentException("services must be 1..16, got " + services);
    }

    public static SchedulerConfig defaults() {
        return new SchedulerConfig(16, 4);
    }

    public int serverBits() {
        return Integer.numberOfTrailingZeros(servers);
    }

    public int serviceBits() {
        return Hw.log2Up(services);
    }
}
