package flowswitch.sim.demo;

import flowswitch.config.ServerSlot;
import flowswitch.driver.api.Counters;
import java.io.PrintWriter;
import java.util.List;

/**
 * Per server, side by side: the answers the client got (curl's view), and the connections, frames and bytes the
 * switch's counters say it sent that server (the hardware's view, read over the register bus).
 */
final class TrafficTable {
    private static final String ROW = "  %-7s %8s %10s %10s %12s%n";

    private TrafficTable() {
    }

    static void print(PrintWriter out, List<ServerSlot> slots, RequestTally tally, Counters before, Counters after) {
        out.printf(ROW, "server", "answers", "new flows", "packets", "bytes");
        for (ServerSlot slot : slots) {
            ServerTraffic t = ServerTraffic.between(before, after, slot.index());
            out.printf(ROW, slot.server().name(), tally.from(slot.server().name()), t.newFlows(), t.packets(),
                    t.bytes());
        }
    }
}
