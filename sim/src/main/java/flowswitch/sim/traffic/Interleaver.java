package flowswitch.sim.traffic;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Merges streams (a flow's packets, an ARP exchange…) into one sequence, keeping each stream's order. A window
 * of streams is open at a time, as on a real link where some connections overlap and new ones keep starting.
 */
final class Interleaver {
    private Interleaver() {
    }

    static List<Planned> interleave(List<List<Planned>> streams, int window, Random random) {
        Deque<List<Planned>> waiting = new ArrayDeque<>(streams.stream().filter(s -> !s.isEmpty()).toList());
        List<Iterator<Planned>> open = new ArrayList<>();
        List<Planned> out = new ArrayList<>();
        while (!open.isEmpty() || !waiting.isEmpty()) {
            while (open.size() < window && !waiting.isEmpty()) {
                open.add(waiting.poll().iterator());
            }
            int pick = random.nextInt(open.size());
            out.add(open.get(pick).next());
            if (!open.get(pick).hasNext()) {
                open.remove(pick);
            }
        }
        return out;
    }
}
