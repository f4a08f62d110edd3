package flowswitch.hdl.decision;

import java.util.List;
import java.util.OptionalInt;

/**
 * docs/datapath.md "Weighted round-robin", "Least connections", "Maglev" and "Pick by hash" in software: per service a
 * pointer and a count, both 0 at reset, which only a committed rr/wrr pick moves.
 */
final class SchedulerModel {
    private final int[] pointer;
    private final int[] count;

    SchedulerModel(int services) {
        pointer = new int[services];
        count = new int[services];
    }

    /** The server picked for a new flow of {@code service}, or empty when none is eligible; a committed WRR pick updates the state. */
    OptionalInt pick(List<ServerSlot> servers, int service, Policy policy, boolean byHash, int hash, boolean commit,
                     List<Integer> connections, int maglevServer) {
        int n = servers.size();
        if (policy == Policy.MH) return firstEligible(servers, service, maglevServer);
        if (byHash) return firstEligible(servers, service, hash % n);
        if (policy == Policy.LC || policy == Policy.WLC) return fewest(servers, service, policy, connections);
        int ptr = pointer[service];
        int weight = policy == Policy.RR ? 1 : servers.get(ptr).weight();
        if (servers.get(ptr).eligibleFor(service) && count[service] < weight) {
            if (commit) count[service]++;
            return OptionalInt.of(ptr);
        }
        OptionalInt next = firstEligible(servers, service, (ptr + 1) % n);
        if (commit && next.isPresent()) {
            pointer[service] = next.getAsInt();
            count[service] = 1;
        }
        return next;
    }

    /** The lowest slot with the fewest connections per weight, compared as conns_i × w_j < conns_j × w_i. */
    private static OptionalInt fewest(List<ServerSlot> servers, int service, Policy policy, List<Integer> connections) {
        OptionalInt best = OptionalInt.empty();
        for (int i = 0; i < servers.size(); i++) {
            if (!servers.get(i).eligibleFor(service)) continue;
            if (best.isEmpty()) {
                best = OptionalInt.of(i);
                continue;
            }
            int b = best.getAsInt();
            long wi = policy == Policy.WLC ? servers.get(i).weight() : 1;
            long wb = policy == Policy.WLC ? servers.get(b).weight() : 1;
            if (connections.get(i) * wb < connections.get(b) * wi) best = OptionalInt.of(i);
        }
        return best;
    }

    private static OptionalInt firstEligible(List<ServerSlot> servers, int service, int start) {
        int n = servers.size();
        for (int k = 0; k < n; k++) {
            int i = (start + k) % n;
            if (servers.get(i).eligibleFor(service)) return OptionalInt.of(i);
        }
        return OptionalInt.empty();
    }
}
