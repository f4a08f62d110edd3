package flowswitch.hdl.egress;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.hdl.dsl.HwComponent;
import java.util.ArrayList;
import java.util.List;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.UInt;

/**
 * The crossbar's central allocator. A requesting ingress port gets every egress port of its destination set at
 * once, and only when all of them are free: nobody ever holds part of a set, so floods cannot deadlock. Requests
 * are served in round-robin order from {@code turn}; each requester reserves its ports against the requesters
 * after it, whether it is granted or not, so ports freed for a waiting flood are not taken by later unicasts.
 * Requesters whose sets do not overlap are granted in the same cycle.
 */
final class Allocator extends HwComponent {
    final List<Bool> request = new ArrayList<>();
    final List<Bits> dest = new ArrayList<>();
    /** Ingress ports that hold their destination ports (until their frame's last beat). */
    final List<Bool> holding = new ArrayList<>();
    final List<Bool> grant = new ArrayList<>();
    /**
     * The ingress port served first. It moves past the first requester in turn order once that one is granted; a
     * blocked first requester keeps the turn, and with it its reservation, until its ports are all free.
     */
    final UInt turn;

    Allocator(EgressSwitchConfig config) {
        int n = config.ports();
        for (int i = 0; i < n; i++) {
            request.add(in(bool()));
            dest.add(in(bits(n)));
            holding.add(in(bool()));
            grant.add(out(bool()));
        }
        turn = regUInt(log2Up(n), 0);

        Bits none = b(0, n);
        Bits taken = none;
        for (int i = 0; i < n; i++) taken = orBits(taken, mux(holding.get(i), dest.get(i), none));

        // Round-robin order as two passes over the ports: from turn to the end, then from 0 to turn - 1.
        List<Bool> granted = new ArrayList<>();
        for (int i = 0; i < n; i++) granted.add(FALSE());
        Bool earlierRequester = FALSE();
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < n; i++) {
                // No turn value exceeds the largest index the turn register holds: a constant keeps lint quiet.
                Bool atOrAfterTurn = i == (1 << turn.getBitsWidth()) - 1 ? TRUE()
                        : not(gt(turn, u(i, turn.getBitsWidth())));
                Bool active = and(request.get(i), pass == 0 ? atOrAfterTurn : not(atOrAfterTurn));
                Bool fits = eq(andBits(dest.get(i), taken), 0);
                granted.set(i, or(granted.get(i), and(active, fits)));
                int next = (i + 1) % n;
                when(and(active, not(earlierRequester), fits), () -> assign(turn, next));
                taken = orBits(taken, mux(active, dest.get(i), none));
                earlierRequester = or(earlierRequester, active);
            }
        }
        for (int i = 0; i < n; i++) assign(grant.get(i), granted.get(i));
    }
}
