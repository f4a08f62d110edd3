package flowswitch.hdl.decision;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.config.ServerState;
import flowswitch.hdl.dsl.BitLayout;
import flowswitch.hdl.dsl.HwComponent;
import flowswitch.hdl.tables.ServerEntry;
import flowswitch.hdl.tables.ServiceEntry;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.UInt;
import spinal.core.Vec;

/**
 * Picks a server for a new connection of one service: weighted round-robin (or plain round-robin) among eligible
 * servers, or, when the flow table is full, the first eligible server from a 5-tuple hash so the pick is stable.
 * Eligible: valid, in the service, up, weight above zero (docs/datapath.md). The round-robin state advances only on
 * {@code commit}, so a pick that is not used (the frame waits) changes nothing.
 */
public final class ServerScheduler extends HwComponent {
    final Vec<Bits> servers;
    final UInt service;
    final Bits policy = in(bits(3));
    final Bits hash = in(bits(16));
    final Bool byHash = in(bool());
    final Bool commit = in(bool());
    final Bool available = out(bool());
    final UInt pick;

    final Bits eligible;
    final Vec<UInt> pointer;
    final Vec<UInt> given;

    public ServerScheduler(SchedulerConfig cfg) {
        BitLayout srv = ServerEntry.LAYOUT;
        int sb = cfg.serverBits();
        servers = in(vec(srv::newBits, cfg.servers()));
        service = in(uint(cfg.serviceBits()));
        pick = out(uint(sb));
        eligible = bits(cfg.servers());
        pointer = initEach(reg(() -> vec(() -> uint(sb), cfg.services())), () -> u(0, sb));
        given = initEach(reg(() -> vec(() -> uint(16), cfg.services())), () -> u(0, 16));

        Vec<UInt> weights = vec(() -> uint(16), cfg.servers());
        for (int s = 0; s < cfg.servers(); s++) {
            Bits e = servers.apply(s);
            assign(weights.apply(s), srv.getUInt(e, "weight"));
            assign(bit(eligible, s), and(srv.getBool(e, "valid"),
                    eq(resize(srv.getUInt(e, "service"), cfg.serviceBits()), service),
                    eq(srv.get(e, "state"), ServerState.UP.code()),
                    neq(srv.getUInt(e, "weight"), u(0, 16))));
        }
        assign(available, orReduce(eligible));

        UInt current = element(pointer, service);
        UInt count = element(given, service);
        UInt weight = mux(eq(policy, ServiceEntry.SCHED_RR), u(1, 16), element(weights, current));
        Bool stay = and(bit(eligible, current), lt(count, weight));
        UInt next = firstSetFrom(eligible, add(current, 1));
        UInt roundRobin = mux(stay, current, next);
        assign(pick, mux(byHash, firstSetFrom(eligible, resize(asUInt(hash), sb)), roundRobin));

        when(and(commit, not(byHash), available), () -> {
            assign(current, roundRobin);
            assign(count, mux(stay, add(count, 1), u(1, 16)));
        });
    }
}
