package flowswitch.driver.health;

import flowswitch.config.ServerState;
import java.util.Optional;

/**
 * One server's check in a round.
 *
 * @param state the server's state on the device after the round; empty when it is no longer on the device
 */
public record CheckReport(HealthTarget target, CheckResult result, Optional<ServerState> state) {
}
