package flowswitch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The numbers below are register and wire encodings (docs/register-map.md, IANA protocol numbers). */
class EnumsTest {
    @Test
    void protocolNumbersAreTheIpv4Ones() {
        assertEquals(6, Protocol.TCP.number());
        assertEquals(17, Protocol.UDP.number());
    }

    @Test
    void schedulerCodesAreTheSvcCfgOnes() {
        assertEquals(0, Scheduler.RR.code());
        assertEquals(1, Scheduler.WRR.code());
        assertEquals(2, Scheduler.LC.code());
        assertEquals(3, Scheduler.WLC.code());
        assertEquals(4, Scheduler.MH.code());
    }

    @Test
    void serverStateCodesRoundTrip() {
        assertEquals(0, ServerState.DOWN.code());
        assertEquals(1, ServerState.UP.code());
        assertEquals(2, ServerState.DRAIN.code());
        for (ServerState state : ServerState.values()) {
            assertEquals(state, ServerState.fromCode(state.code()));
        }
    }

    @Test
    void unknownServerStateCodeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ServerState.fromCode(3));
        assertTrue(e.getMessage().contains("code 3 is unknown; expected 0 (down), 1 (up), 2 (drain)"), e.getMessage());
    }
}
