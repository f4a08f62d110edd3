package flowswitch.sim.bench;

import java.time.Duration;

/** Register accesses made back to back over one bus: how long they took and how many simulated clocks they ran. */
record AccessRate(long accesses, Duration wall, long clocks) {
    double perSecond() {
        return accesses / seconds();
    }

    double microsPerAccess() {
        return wall.toNanos() / 1e3 / accesses;
    }

    double clocksPerAccess() {
        return (double) clocks / accesses;
    }

    /** How fast the model ran while the transport drove it; idle time on the host's side lowers it. */
    double clocksPerSecond() {
        return clocks / seconds();
    }

    private double seconds() {
        return wall.toNanos() / 1e9;
    }
}
