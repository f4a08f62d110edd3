package flowswitch.hdl.decision;

import flowswitch.hdl.tables.ServiceEntry;
import java.math.BigInteger;
import java.util.Map;

/** One service table slot as a test writes it; {@code port} 0 takes any destination port. */
record ServiceSlot(boolean enable, long vip, int proto, int port, int scheduler) {
    static final ServiceSlot EMPTY = new ServiceSlot(false, 0, 0, 0, 0);

    /** The frame fields the classifier looks at. */
    record Frame(boolean fromUplink, boolean l4, long dstIp, int proto, int dstPort) {}

    ServiceSlot withPort(int value) {
        return new ServiceSlot(enable, vip, proto, value, scheduler);
    }

    ServiceSlot withScheduler(int value) {
        return new ServiceSlot(enable, vip, proto, port, value);
    }

    /** docs/datapath.md "Classify": from an uplink, with L4 ports, to this enabled slot's VIP, protocol and port. */
    boolean matches(Frame f) {
        return f.fromUplink() && f.l4() && enable && vip == f.dstIp() && proto == f.proto() && (port == 0 || port == f.dstPort());
    }

    BigInteger pack() {
        return ServiceEntry.LAYOUT.pack(Map.of("enable", enable ? 1L : 0L, "vip", vip, "proto", (long) proto,
                "port", (long) port, "scheduler", (long) scheduler));
    }
}
