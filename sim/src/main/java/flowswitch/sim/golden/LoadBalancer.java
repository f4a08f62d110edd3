package flowswitch.sim.golden;

import flowswitch.config.Scheduler;
import flowswitch.config.ServerDownPolicy;
import java.util.OptionalInt;

/**
 * The service path: flow table first, then the service's scheduler (rr/wrr, lc/wlc, mh), or the hash pick when the
 * table is full or the frame belongs to a connection the table lost (for mh, the Maglev pick there too).
 */
final class LoadBalancer {
    private final FlowTable flows;
    private final ServerTable servers;
    private final WeightedRoundRobin roundRobin;
    private final Maglev maglev;

    LoadBalancer(FlowTable flows, ServerTable servers, WeightedRoundRobin roundRobin, Maglev maglev) {
        this.flows = flows;
        this.servers = servers;
        this.roundRobin = roundRobin;
        this.maglev = maglev;
    }

    /** {@code opens}: the frame may open a connection ({@link ParsedFrame#opensConnection}). */
    Assignment assign(int service, Scheduler scheduler, ServerDownPolicy onServerDown, FiveTuple frame,
                      boolean opens) {
        FlowKey key = FlowKey.of(service, frame);
        OptionalInt entry = flows.find(key);
        if (entry.isPresent()) {
            int server = flows.server(entry.getAsInt());
            if (servers.keepsFlows(server, service)) {
                return new Assignment(FlowOutcome.HIT, OptionalInt.of(server));
            }
            if (onServerDown == ServerDownPolicy.DROP) {
                return new Assignment(FlowOutcome.REFUSED, OptionalInt.empty());
            }
            OptionalInt picked = schedule(key, scheduler);
            picked.ifPresent(slot -> flows.reassign(entry.getAsInt(), slot));
            return new Assignment(picked.isPresent() ? FlowOutcome.REASSIGNED : FlowOutcome.STALE_UNSERVED, picked);
        }
        if (flows.full()) {
            OptionalInt picked = byHash(key, scheduler, frame);
            return new Assignment(picked.isPresent() ? FlowOutcome.NOT_STORED : FlowOutcome.MISS_UNSERVED, picked);
        }
        // A lost connection gets the hash pick, the server it had if it was never stored.
        OptionalInt picked = opens ? schedule(key, scheduler) : byHash(key, scheduler, frame);
        picked.ifPresent(slot -> flows.insert(key, slot));
        return new Assignment(picked.isPresent() ? FlowOutcome.INSERTED : FlowOutcome.MISS_UNSERVED, picked);
    }

    private OptionalInt schedule(FlowKey key, Scheduler scheduler) {
        return switch (scheduler) {
            case LC, WLC -> fewestConnections(key.service(), scheduler == Scheduler.WLC);
            case MH -> maglev.pick(key, servers);
            case RR, WRR -> roundRobin.pick(key.service(), scheduler, servers);
        };
    }

    private OptionalInt byHash(FlowKey key, Scheduler scheduler, FiveTuple frame) {
        return scheduler == Scheduler.MH ? maglev.pick(key, servers) : HashPick.pick(key.service(), frame, servers);
    }

    /** The eligible server with the fewest connections per weight (conns_i × w_j < conns_j × w_i), lowest slot on a tie. */
    private OptionalInt fewestConnections(int service, boolean weighted) {
        OptionalInt best = OptionalInt.empty();
        for (int slot = 0; slot < servers.size(); slot++) {
            if (!servers.eligible(slot, service)) {
                continue;
            }
            if (best.isPresent()) {
                int b = best.getAsInt();
                long wSlot = weighted ? servers.get(slot).orElseThrow().weight() : 1;
                long wBest = weighted ? servers.get(b).orElseThrow().weight() : 1;
                if (flows.connections(slot) * wBest >= flows.connections(b) * wSlot) {
                    continue;
                }
            }
            best = OptionalInt.of(slot);
        }
        return best;
    }
}
