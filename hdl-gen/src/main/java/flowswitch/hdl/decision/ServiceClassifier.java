package flowswitch.hdl.decision;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.hdl.dsl.BitLayout;
import flowswitch.hdl.dsl.HwComponent;
import flowswitch.hdl.tables.ServiceEntry;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.UInt;
import spinal.core.Vec;

/**
 * Finds the service a frame belongs to: from an uplink port, with L4 ports, to an enabled service's VIP, protocol
 * and port (port 0 = any). The lowest-numbered matching slot wins.
 */
public final class ServiceClassifier extends HwComponent {
    final Vec<Bits> services;
    final Bool fromUplink = in(bool());
    final Bool l4 = in(bool());
    final Bits dstIp = in(bits(32));
    final Bits proto = in(bits(8));
    final Bits dstPort = in(bits(16));
    final Bool hit = out(bool());
    final UInt index;
    final Bits policy = out(bits(3));

    public ServiceClassifier(int slots) {
        if (slots < 1 || slots > 16) throw new IllegalArgumentException("service slots must be 1..16, got " + slots);
        BitLayout svc = ServiceEntry.LAYOUT;
        services = in(vec(svc::newBits, slots));
        index = out(uint(log2Up(slots)));

        Bits matches = bits(slots);
        for (int s = 0; s < slots; s++) {
            Bits e = services.apply(s);
            Bits port = svc.get(e, "port");
            assign(bit(matches, s), and(fromUplink, l4, svc.getBool(e, "enable"),
                    eq(svc.get(e, "vip"), dstIp), eq(svc.get(e, "proto"), proto),
                    or(eq(port, 0), eq(port, dstPort))));
        }
        assign(hit, orReduce(matches));
        assign(index, resize(lowestSetIndex(matches), log2Up(slots)));
        assign(policy, svc.get(element(services, index), "scheduler"));
    }
}
