package flowswitch.driver.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import flowswitch.config.ServerState;
import flowswitch.driver.health.ServerHealth.Change;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rise and fall counting as HAProxy does it, from the device's state, without any I/O. */
class ServerHealthTest {
    private static final CheckResult OK = CheckResult.passed(Duration.ofMillis(1), "connected");
    private static final CheckResult FAIL = CheckResult.failed(Duration.ofMillis(1), "connection refused");

    @Test
    void anUpServerGoesDownAfterFallFailuresInARow() {
        ServerHealth health = new ServerHealth(2, 3, ServerState.UP);
        assertEquals(Optional.empty(), health.observe(FAIL, ServerState.UP));
        assertEquals(Optional.empty(), health.observe(FAIL, ServerState.UP));
        // A success in between starts the count over.
        assertEquals(Optional.empty(), health.observe(OK, ServerState.UP));
        assertEquals(Optional.empty(), health.observe(FAIL, ServerState.UP));
        assertEquals(Optional.empty(), health.observe(FAIL, ServerState.UP));
        assertEquals(Optional.of(new Change(ServerState.UP, ServerState.DOWN, 3)), health.observe(FAIL,
                ServerState.UP));
        // Until the device shows the change, each further failure calls for it again.
        assertEquals(Optional.of(new Change(ServerState.UP, ServerState.DOWN, 4)), health.observe(FAIL,
                ServerState.UP));
    }

    @Test
    void aDownServerComesUpAfterRiseSuccessesInARow() {
        ServerHealth health = new ServerHealth(2, 3, ServerState.DOWN);
        assertEquals(Optional.empty(), health.observe(OK, ServerState.DOWN));
        assertEquals(Optional.empty(), health.observe(FAIL, ServerState.DOWN));
        assertEquals(Optional.empty(), health.observe(OK, ServerState.DOWN));
        assertEquals(Optional.of(new Change(ServerState.DOWN, ServerState.UP, 2)), health.observe(OK,
                ServerState.DOWN));
    }

    @Test
    void resultsThatAgreeWithTheStateChangeNothing() {
        ServerHealth up = new ServerHealth(1, 1, ServerState.UP);
        ServerHealth down = new ServerHealth(1, 1, ServerState.DOWN);
        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.empty(), up.observe(OK, ServerState.UP));
            assertEquals(Optional.empty(), down.observe(FAIL, ServerState.DOWN));
        }
    }

    @Test
    void aDrainedServerIsNeverMoved() {
        ServerHealth health = new ServerHealth(1, 1, ServerState.DRAIN);
        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.empty(), health.observe(OK, ServerState.DRAIN));
        }
        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.empty(), health.observe(FAIL, ServerState.DRAIN));
        }
    }

    @Test
    void countingStartsOverWhenTheDeviceStateChanges() {
        ServerHealth health = new ServerHealth(3, 3, ServerState.UP);
        health.observe(FAIL, ServerState.UP);
        health.observe(FAIL, ServerState.UP);
        // The operator drained it and then put it back: two more failures are not yet three in a row.
        health.observe(FAIL, ServerState.DRAIN);
        assertEquals(Optional.empty(), health.observe(FAIL, ServerState.UP));
        assertEquals(Optional.empty(), health.observe(FAIL, ServerState.UP));
        assertEquals(Optional.of(new Change(ServerState.UP, ServerState.DOWN, 3)), health.observe(FAIL,
                ServerState.UP));
        // Once the device shows it down, successes count from zero.
        health.observe(OK, ServerState.DOWN);
        health.observe(OK, ServerState.DOWN);
        assertEquals(Optional.of(new Change(ServerState.DOWN, ServerState.UP, 3)), health.observe(OK,
                ServerState.DOWN));
    }

    @Test
    void theInitialStateIsTheDevicesSoAnUnknownServerIsNotAssumedUp() {
        ServerHealth health = new ServerHealth(2, 1, ServerState.DOWN);
        assertEquals(Optional.empty(), health.observe(FAIL, ServerState.DOWN));
        assertEquals(Optional.empty(), health.observe(OK, ServerState.DOWN));
        assertEquals(Optional.of(new Change(ServerState.DOWN, ServerState.UP, 2)), health.observe(OK,
                ServerState.DOWN));
    }

    @Test
    void causesReadAsALogLine() {
        assertEquals("3 consecutive failures", new Change(ServerState.UP, ServerState.DOWN, 3).cause());
        assertEquals("1 consecutive failure", new Change(ServerState.UP, ServerState.DOWN, 1).cause());
        assertEquals("2 consecutive successes", new Change(ServerState.DOWN, ServerState.UP, 2).cause());
        assertEquals("1 consecutive success", new Change(ServerState.DOWN, ServerState.UP, 1).cause());
    }

    @Test
    void riseAndFallMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new ServerHealth(0, 3, ServerState.UP));
        assertThrows(IllegalArgumentException.class, () -> new ServerHealth(2, 0, ServerState.UP));
    }
}
