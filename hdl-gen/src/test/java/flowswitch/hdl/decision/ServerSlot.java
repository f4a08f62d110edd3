package flowswitch.hdl.decision;

import flowswitch.config.ServerState;
import flowswitch.hdl.tables.ServerEntry;
import java.math.BigInteger;
import java.util.Map;

/** One server table slot as a test writes it; {@code state} is a raw code so that undefined codes can be tried. */
record ServerSlot(boolean valid, int service, int state, int weight) {
    static final ServerSlot EMPTY = new ServerSlot(false, 0, ServerState.DOWN.code(), 0);

    static ServerSlot up(int service, int weight) {
        return new ServerSlot(true, service, ServerState.UP.code(), weight);
    }

    /** Eligible for a new flow of {@code s} (docs/datapath.md): valid, in s, up, weight above zero. */
    boolean eligibleFor(int s) {
        return valid && service == s && state == ServerState.UP.code() && weight > 0;
    }

    /** Packed as a {@link ServerEntry#LAYOUT}; MAC and port differ per slot to show they play no part. */
    BigInteger pack(int index) {
        return ServerEntry.LAYOUT.pack(Map.of("valid", valid ? 1L : 0L, "mac", 0x02_0000_0000L + index, "port", (long) index,
                "service", (long) service, "state", (long) state, "weight", (long) weight));
    }
}
