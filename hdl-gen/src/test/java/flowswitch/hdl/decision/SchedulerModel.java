package flowswitch.hdl.decision;

import java.util.List;
import java.util.OptionalInt;

/**
 * docs/datapath.md "Weighted round-robin" and "Pick by hash" in software: per service a pointer and a count, both 0
 * at reset; the hash pick leaves them alone.
 */
final class SchedulerModel {
    private final int[] pointer;
    private final int[] count;

    SchedulerModel(int services) {
        pointer = new int[services];
        count = new int[services];
    }

    /** The server picked for a new flow of {@code service}, or empty when none is eligible; a committed WRR pick updates the state. */
    OptionalInt pick(List<ServerSlot> servers, int service, Policy policy, boolean byHash, int hash, boolean commit) {
        int n = servers.size();
        if (byHash) return firstEligible(servers, service, hash % n);
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

    private static OptionalInt firstEligible(List<ServerSlot> servers, int service, int start) {
        int n = servers.size();
        for (int k = 0; k < n; k++) {
            int i = (start + k) % n;
            if (servers.get(i).eligibleFor(service)) return OptionalInt.of(i);
        }
        return OptionalInt.empty();
    }
}
