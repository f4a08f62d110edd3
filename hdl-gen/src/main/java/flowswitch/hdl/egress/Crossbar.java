package flowswitch.hdl.egress;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.hdl.dsl.HwComponent;
import flowswitch.hdl.stream.AxisBeat;
import java.util.ArrayList;
import java.util.List;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.lib.Stream;

/**
 * Moves each ingress beat to every egress port in its destination set, as a synchronous fork: the beat advances
 * when all those ports are ready, and all of them take it in the same cycle. The {@link Allocator} guarantees that
 * at most one valid ingress names any one egress port, so each egress simply selects that ingress.
 */
final class Crossbar extends HwComponent {
    final List<Stream<Bits>> sBeat = new ArrayList<>();
    final List<Bits> dest = new ArrayList<>();
    final List<Stream<Bits>> mBeat = new ArrayList<>();

    Crossbar(EgressSwitchConfig config) {
        int n = config.ports();
        int beatWidth = AxisBeat.layout(config.dataWidth()).width();
        for (int i = 0; i < n; i++) {
            sBeat.add(slave(stream(() -> bits(beatWidth))));
            dest.add(in(bits(n)));
            mBeat.add(master(stream(() -> bits(beatWidth))));
        }

        for (int i = 0; i < n; i++) {
            List<Bool> readyOrUnused = new ArrayList<>();
            for (int j = 0; j < n; j++) readyOrUnused.add(or(not(bit(dest.get(i), j)), mBeat.get(j).ready()));
            assign(sBeat.get(i).ready(), and(readyOrUnused.toArray(Bool[]::new)));
        }
        for (int j = 0; j < n; j++) {
            List<Bool> select = new ArrayList<>();
            List<Bool> fire = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Bool selected = and(sBeat.get(i).valid(), bit(dest.get(i), j));
                select.add(selected);
                fire.add(and(selected, sBeat.get(i).ready()));
            }
            assign(mBeat.get(j).valid(), or(fire.toArray(Bool[]::new)));
            assign(mBeat.get(j).payload(), muxOneHot(asBits(vecOf(select)), sBeat.stream().map(Stream::payload).toList()));
        }
    }
}
