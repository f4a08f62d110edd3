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
 * Whether an IPv4 address is a VIP: the VIP of an enabled service, whatever its protocol and port (ARP speaks for
 * the address, not for one service on it). {@code index} is the lowest-numbered such service, which counts what the
 * switch does about the address (docs/datapath.md "ARP for the VIPs").
 */
public final class VipMatch extends HwComponent {
    final Vec<Bits> services;
    final Bits ip = in(bits(32));
    final Bool hit = out(bool());
    final UInt index;

    public VipMatch(int slots) {
        if (slots < 1 || slots > 16) throw new IllegalArgumentException("service slots must be 1..16, got " + slots);
        BitLayout svc = ServiceEntry.LAYOUT;
        services = in(vec(svc::newBits, slots));
        index = out(uint(log2Up(slots)));

        Bits matches = bits(slots);
        for (int s = 0; s < slots; s++) {
            Bits e = services.apply(s);
            assign(bit(matches, s), and(svc.getBool(e, "enable"), eq(svc.get(e, "vip"), ip)));
        }
        assign(hit, orReduce(matches));
        assign(index, resize(lowestSetIndex(matches), log2Up(slots)));
    }
}
