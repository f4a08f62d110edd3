package flowswitch.sim.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import flowswitch.config.ServerState;
import flowswitch.driver.health.Transition;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The demo reads fsctl health's transition lines back into what fsctl printed them from. */
class TransitionLineTest {
    @Test
    void aTransitionLineReadsBackToTheTransition() {
        Transition down = new Transition(Instant.parse("2025-03-01T12:00:03.250Z"), "web", "s2", ServerState.UP,
                ServerState.DOWN, "2 consecutive failures: http 198.18.0.12:80/ connection refused");
        assertEquals(Optional.of(down), TransitionLine.parse(down.line()));
    }

    @Test
    void aTransitionOnAWholeSecondReadsBack() {
        // Instant prints no fraction on a whole second.
        Transition up = new Transition(Instant.parse("2025-03-01T12:00:09Z"), "api-v2", "web-1", ServerState.DOWN,
                ServerState.UP, "2 consecutive successes: tcp 10.0.0.11:80 connected");
        assertEquals(Optional.of(up), TransitionLine.parse(up.line()));
    }

    @Test
    void otherLinesAreNotTransitions() {
        assertEquals(Optional.empty(), TransitionLine.parse("checking 3 servers of 1 service (Ctrl-C to stop)"));
        assertEquals(Optional.empty(), TransitionLine.parse("fsctl: warning: 2025-03-01T12:00:03.250Z cannot read"
                + " sim:/run/flowswitch-testbed/fs.sock"));
        assertEquals(Optional.empty(), TransitionLine.parse("yesterday web/s2 up -> down: refused"));
        assertEquals(Optional.empty(), TransitionLine.parse("2025-03-01T12:00:03Z web/s2 up -> gone: refused"));
    }
}
