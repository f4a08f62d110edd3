package flowswitch.hdl.health;

/**
 * @param servers     server slots watched
 * @param countBits   width of the per-window SYN and SYN-ACK counts, which saturate
 */
public record PassiveHealthConfig(int servers, int countBits) {
    public PassiveHealthConfig {
        if (servers < 1 || servers > 256) throw new IllegalArgumentException("servers must be 1..256, got " + servers);
        if (countBits < 2 || countBits > 16) {
            throw new IllegalArgumentException("countBits must be 2..16 (PASSIVE_THRESHOLD is 16 bits), got " + countBits);
        }
    }

    public static PassiveHealthConfig defaults() {
        return forServers(16);
    }

    /** 16-bit window counts: a window of 65535 SYNs to one server is beyond any threshold worth setting. */
    public static PassiveHealthConfig forServers(int servers) {
        return new PassiveHealthConfig(servers, 16);
    }
}
