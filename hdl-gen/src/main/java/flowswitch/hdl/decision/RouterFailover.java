package flowswitch.hdl.decision;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.hdl.dsl.BitLayout;
import flowswitch.hdl.dsl.HwComponent;
import flowswitch.hdl.tables.RouterEntry;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.UInt;
import spinal.core.Vec;

/**
 * Whether a destination MAC is a router marked down, and which live router takes its frames instead
 * (docs/datapath.md "Router failover"): the first live slot from {@code hash mod routers} on, wrapping, so one
 * connection stays on one router while the live set holds, and connections spread over the live routers.
 * Combinational: the decision unit asks in the cycle it decides.
 */
public final class RouterFailover extends HwComponent {
    final Vec<Bits> routers;
    final Bits dstMac = in(bits(48));
    final Bits hash = in(bits(16));
    /** {@code dstMac} is the MAC of a valid router slot that is down. */
    final Bool toDownRouter = out(bool());
    /** The lowest such slot. */
    final UInt downIndex;
    /** Some router is valid and up. */
    final Bool available = out(bool());
    final UInt pick;
    final Bits pickMac = out(bits(48));

    public RouterFailover(RouterFailoverConfig cfg) {
        BitLayout rtr = RouterEntry.LAYOUT;
        int slots = cfg.routers();
        routers = in(vec(rtr::newBits, slots));
        downIndex = out(uint(cfg.indexBits()));
        pick = out(uint(cfg.indexBits()));

        Bits down = bits(slots);
        Bits live = bits(slots);
        for (int r = 0; r < slots; r++) {
            Bits e = routers.apply(r);
            Bool valid = rtr.getBool(e, "valid");
            Bool up = rtr.getBool(e, "up");
            assign(bit(down, r), and(valid, not(up), eq(rtr.get(e, "mac"), dstMac)));
            assign(bit(live, r), and(valid, up));
        }
        assign(toDownRouter, orReduce(down));
        assign(downIndex, resize(lowestSetIndex(down), cfg.indexBits()));
        assign(available, orReduce(live));
        UInt start = cfg.startBits() == 0 ? u(0, cfg.indexBits())
                : resize(asUInt(slice(hash, 0, cfg.startBits())), cfg.indexBits());
        assign(pick, firstSetFrom(live, start));
        assign(pickMac, rtr.get(element(routers, pick), "mac"));
    }
}
