package flowswitch.sim.golden;

import flowswitch.config.ServerState;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The model refuses what the hardware's registers could not hold, and changes nothing then. */
class GoldenModelApiTest {
    private final GoldenModel model = TestSwitch.model();

    @Test
    void refusesAPortTheSwitchLacks() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> model.process(4, TestSwitch.web(1, 1), false));
        assertEquals("ingress port 4 is out of range; this switch has 0..3", error.getMessage());
        assertEquals(model.counters(), TestSwitch.model().counters());
    }

    @Test
    void refusesToChangeAnEmptyServerSlot() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> model.setServerState(7, ServerState.UP));
        assertEquals("server slot 7 holds no server; load one with setServer first", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.setServerWeight(16, 1));
    }

    @Test
    void refusesAWeightBeyondSixteenBitsAndKeepsTheOldOne() {
        assertThrows(IllegalArgumentException.class, () -> model.setServerWeight(TestSwitch.SLOT_A, 65536));
        // Weight 3 still holds: three flows in a row go to a.
        for (int i = 0; i < 3; i++) {
            byte[] sent = model.process(0, TestSwitch.web(1, i), false).get(0).frame();
            assertEquals(TestSwitch.A, Frames.destination(sent));
        }
    }

    @Test
    void refusesAServerOnAPortOrServiceTheSwitchLacks() {
        assertThrows(IllegalArgumentException.class,
                () -> model.setServer(7, new ServerEntry(TestSwitch.A, 4, 0, 1, ServerState.UP)));
        assertThrows(IllegalArgumentException.class,
                () -> model.setServer(7, new ServerEntry(TestSwitch.A, 2, 4, 1, ServerState.UP)));
        assertThrows(IllegalArgumentException.class, () -> model.clearService(4));
    }
}
