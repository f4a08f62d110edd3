package flowswitch.hdl.decision;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.hdl.dsl.HwComponent;
import java.util.ArrayList;
import java.util.List;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.UInt;
import spinal.core.Vec;

/**
 * Active connections per server slot (docs/datapath.md "Active connections"): the flow table reports each entry
 * stored with a server and each one that leaves, and every count moves by its stored minus its left events of the
 * cycle. The counts are registers, so a change lands at the edge of the cycle that reports it.
 */
public final class ConnectionCounts extends HwComponent {
    public final List<Bool> stored = new ArrayList<>();
    public final List<UInt> storedServer = new ArrayList<>();
    public final List<Bool> left = new ArrayList<>();
    public final List<UInt> leftServer = new ArrayList<>();
    public final Vec<UInt> counts;

    public ConnectionCounts(ConnectionCountsConfig cfg) {
        int w = cfg.countBits();
        lanes(cfg.storedLanes(), cfg.serverBits(), stored, storedServer, "stored");
        lanes(cfg.leftLanes(), cfg.serverBits(), left, leftServer, "left");
        Vec<UInt> count = initEach(reg(() -> vec(() -> uint(w), cfg.servers())), () -> u(0, w));
        counts = out(vec(() -> uint(w), cfg.servers()));
        for (int s = 0; s < cfg.servers(); s++) {
            UInt slot = u(s, cfg.serverBits());
            UInt up = resize(countOnes(matching(stored, storedServer, slot)), w);
            UInt down = resize(countOnes(matching(left, leftServer, slot)), w);
            assign(count.apply(s), sub(add(count.apply(s), up), down));
            assign(counts.apply(s), count.apply(s));
        }
    }

    private static void lanes(int n, int serverBits, List<Bool> valid, List<UInt> server, String stem) {
        for (int i = 0; i < n; i++) {
            valid.add(named(in(bool()), stem + "_" + i + "_valid"));
            server.add(named(in(uint(serverBits)), stem + "_" + i + "_server"));
        }
    }

    private static Bits matching(List<Bool> valid, List<UInt> server, UInt slot) {
        Bits hits = bits(valid.size());
        for (int i = 0; i < valid.size(); i++) assign(bit(hits, i), and(valid.get(i), eq(server.get(i), slot)));
        return hits;
    }
}
