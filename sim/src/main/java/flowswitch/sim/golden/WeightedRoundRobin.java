package flowswitch.sim.golden;

import flowswitch.config.Scheduler;

import java.util.OptionalInt;

/** The rr/wrr picker of docs/datapath.md: per service a pointer and a count of picks on it. */
final class WeightedRoundRobin {
    private final int[] pointer;
    private final int[] count;

    WeightedRoundRobin(int maxServices) {
        this.pointer = new int[maxServices];
        this.count = new int[maxServices];
    }

    OptionalInt pick(int service, Scheduler scheduler, ServerTable servers) {
        int current = pointer[service];
        if (servers.eligible(current, service) && count[service] < weight(servers, current, scheduler)) {
            count[service]++;
            return OptionalInt.of(current);
        }
        // The order ptr+1, …, ptr+MAX-1, ptr: the current server comes last.
        OptionalInt next = servers.firstEligible(service, (current + 1) % servers.size());
        next.ifPresent(slot -> {
            pointer[service] = slot;
            count[service] = 1;
        });
        return next;
    }

    private static int weight(ServerTable servers, int slot, Scheduler scheduler) {
        return scheduler == Scheduler.WRR ? servers.get(slot).orElseThrow().weight() : 1;
    }
}
