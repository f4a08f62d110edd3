package flowswitch.driver.health;

import java.time.Instant;

/** What a running monitor reports: every transition, and every round it could not complete. */
public interface HealthLog {
    void transition(Transition transition);

    /** A round that failed (the device could not be read or written) or a server that left the device. */
    void problem(Instant at, String message);
}
