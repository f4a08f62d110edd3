package flowswitch.sim.golden;

import flowswitch.config.Scheduler;
import flowswitch.config.ServerDownPolicy;

import java.util.OptionalInt;

/**
 * The service path: flow table first, then the scheduler (rr/wrr), or the hash pick when the table is full or the frame
 * belongs to a connection the table lost.
 */
final class LoadBalancer {
    private final FlowTable flows;
    private final ServerTable servers;
    private final WeightedRoundRobin roundRobin;

    LoadBalancer(FlowTable flows, ServerTable servers, WeightedRoundRobin roundRobin) {
        this.flows = flows;
        this.servers = servers;
        this.roundRobin = roundRobin;
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
            OptionalInt picked = roundRobin.pick(service, scheduler, servers);
            picked.ifPresent(slot -> flows.reassign(entry.getAsInt(), slot));
            return new Assignment(picked.isPresent() ? FlowOutcome.REASSIGNED : FlowOutcome.STALE_UNSERVED, picked);
        }
        if (flows.full()) {
            OptionalInt picked = HashPick.pick(service, frame, servers);
            return new Assignment(picked.isPresent() ? FlowOutcome.NOT_STORED : FlowOutcome.MISS_UNSERVED, picked);
        }
        // A lost connection gets the hash pick, the server it had if it was never stored.
        OptionalInt picked = opens ? roundRobin.pick(service, scheduler, servers) : HashPick.pick(service, frame, servers);
        picked.ifPresent(slot -> flows.insert(key, slot));
        return new Assignment(picked.isPresent() ? FlowOutcome.INSERTED : FlowOutcome.MISS_UNSERVED, picked);
    }
}
