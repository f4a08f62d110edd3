package flowswitch.sim.bench;

import java.util.List;

/**
 * One benchmark run: a frame-size pattern repeated on every port, and whether every client frame opens a new
 * connection (a SYN flood) or belongs to a connection the flow table already holds.
 */
public record Scenario(String traffic, List<Integer> sizes, boolean newFlows, int framesPerPort) {
    /** IMIX: seven 64-byte, four 594-byte and one 1518-byte frame. */
    static final List<Integer> IMIX = List.of(64, 594, 64, 64, 594, 64, 1518, 64, 594, 64, 64, 594);

    public Scenario {
        sizes = List.copyOf(sizes);
        if (sizes.isEmpty() || framesPerPort < 1) throw new IllegalArgumentException("a scenario needs sizes and frames");
    }

    public String flows() {
        return newFlows ? "all new" : "all known";
    }

    /** The standard set: 64 B, IMIX and 1518 B, each with new and with known connections. */
    public static List<Scenario> standard(int scale) {
        return List.of(
                new Scenario("64B", List.of(64), true, 400 * scale),
                new Scenario("64B", List.of(64), false, 400 * scale),
                new Scenario("IMIX", IMIX, true, 72 * scale),
                new Scenario("IMIX", IMIX, false, 72 * scale),
                new Scenario("1518B", List.of(1518), true, 24 * scale),
                new Scenario("1518B", List.of(1518), false, 24 * scale));
    }
}
