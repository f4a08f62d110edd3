package flowswitch.sim.demo;

import flowswitch.driver.api.Counters;
import flowswitch.driver.regmap.Group;

/** What the hardware counted for one server slot: the connections it was given, and the frames and bytes sent to it. */
record ServerTraffic(long newFlows, long packets, long bytes) {
    /** Since the counters were last cleared. */
    static ServerTraffic total(Counters counters, int slot) {
        return new ServerTraffic(counters.get(Group.SERVER, slot, "new_flows"), counters.get(Group.SERVER, slot, "packets"),
                counters.get(Group.SERVER, slot, "bytes"));
    }

    /** Between two readings. */
    static ServerTraffic between(Counters before, Counters after, int slot) {
        ServerTraffic then = total(before, slot);
        ServerTraffic now = total(after, slot);
        return new ServerTraffic(now.newFlows - then.newFlows, now.packets - then.packets, now.bytes - then.bytes);
    }

    boolean none() {
        return newFlows == 0 && packets == 0 && bytes == 0;
    }
}
