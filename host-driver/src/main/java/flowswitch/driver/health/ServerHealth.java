package flowswitch.driver.health;

import flowswitch.config.ServerState;
import java.util.Objects;
import java.util.Optional;

/**
 * The rise and fall counting of one server, without any I/O. It acts from the state the device holds, given with
 * every result: an up server is due down after {@code fall} failures in a row, a down server is due up after
 * {@code rise} successes in a row, and a drained server is left alone (the operator drains, and only the operator
 * ends a drain). Whenever the device's state is not the one the counting started from (a change made, or one the
 * operator made), the counting starts over.
 */
public final class ServerHealth {
    private final int rise;
    private final int fall;
    private ServerState countingFrom;
    private int successes;
    private int failures;

    /** @param initial the server's state on the device when checking starts */
    public ServerHealth(int rise, int fall, ServerState initial) {
        if (rise < 1 || fall < 1) {
            throw new IllegalArgumentException("rise " + rise + " and fall " + fall + " must both be at least 1");
        }
        this.rise = rise;
        this.fall = fall;
        this.countingFrom = Objects.requireNonNull(initial, "initial");
    }

    /** The change due after {@code result}, when it completes a rise or a fall. */
    public Optional<Change> observe(CheckResult result, ServerState current) {
        if (current != countingFrom) {
            countingFrom = current;
            successes = 0;
            failures = 0;
        }
        if (result.passed()) {
            successes++;
            failures = 0;
        } else {
            failures++;
            successes = 0;
        }
        if (current == ServerState.UP && failures >= fall) {
            return Optional.of(new Change(ServerState.UP, ServerState.DOWN, failures));
        }
        if (current == ServerState.DOWN && successes >= rise) {
            return Optional.of(new Change(ServerState.DOWN, ServerState.UP, successes));
        }
        return Optional.empty();
    }

    /**
     * A state change the checks call for.
     *
     * @param inARow the consecutive results that called for it: failures to go down, successes to go up
     */
    public record Change(ServerState from, ServerState to, int inARow) {
        /** {@code 3 consecutive failures}. */
        public String cause() {
            String results = to == ServerState.DOWN ? (inARow == 1 ? "failure" : "failures")
                    : (inARow == 1 ? "success" : "successes");
            return inARow + " consecutive " + results;
        }
    }
}
