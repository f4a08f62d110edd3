package flowswitch.driver.api;

import java.time.Duration;
import java.util.Objects;

/**
 * One connection the flow table holds.
 *
 * @param location where it is (see docs/register-map.md "Flow table access"); entries move while traffic runs
 * @param server   the server slot its frames go to
 * @param idle     how long it has seen no frame, in whole aging ticks (which stand still while aging is stopped)
 */
public record FlowEntry(int location, FlowKey key, int server, FlowKind kind, Duration idle) {
    public FlowEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(idle, "idle");
    }
}
