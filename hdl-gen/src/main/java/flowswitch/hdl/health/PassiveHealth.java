package flowswitch.hdl.health;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.hdl.dsl.HwComponent;
import java.util.ArrayList;
import java.util.List;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.UInt;

/**
 * Passive health (docs/datapath.md "Passive health"): per server, the client SYNs sent to it and the SYN-ACKs it
 * sent back in a window of {@code cfgWindow} clocks; at the window's end a server with more than
 * {@code cfgThreshold} unanswered SYNs is flagged suspect ({@code suspect} bit, a {@code statSuspect} pulse), the
 * others are cleared, and the counts restart.
 */
public final class PassiveHealth extends HwComponent {
    /** One bit per server: a SYN to it, a SYN-ACK from it (this cycle). */
    public final Bits syn;
    public final Bits synAck;
    /** Clocks per window; 0 stops the windows (flags stay as they are). */
    public final UInt cfgWindow = in(uint(32));
    public final UInt cfgThreshold = in(uint(16));
    public final Bits suspect;
    public final List<Bool> statSuspect = new ArrayList<>();

    public PassiveHealth(PassiveHealthConfig cfg) {
        int servers = cfg.servers();
        int w = cfg.countBits();
        syn = in(bits(servers));
        synAck = in(bits(servers));
        suspect = out(bits(servers));

        UInt clock = regUInt(32, 0);
        Bool windowEnd = and(neq(cfgWindow, u(0, 32)), ge(add(clock, 1), cfgWindow));
        when(windowEnd, () -> assign(clock, 0)).otherwise(() -> assign(clock, add(clock, 1)));
        when(eq(cfgWindow, u(0, 32)), () -> assign(clock, 0));

        Bits flags = regBits(servers, 0);
        UInt threshold = resize(cfgThreshold, 17);
        for (int s = 0; s < servers; s++) {
            UInt syns = counter(w, bit(syn, s), windowEnd);
            UInt acks = counter(w, bit(synAck, s), windowEnd);
            // Unanswered beyond the threshold: syns > acks + threshold, in widths that cannot overflow.
            Bool over = gt(resize(syns, 17), add(resize(acks, 17), threshold));
            int slot = s;
            when(windowEnd, () -> assign(bit(flags, slot), over));
            Bool pulse = out(bool());
            assign(pulse, and(windowEnd, over));
            statSuspect.add(pulse);
        }
        assign(suspect, flags);
    }

    /** Events this window, saturating; the event of the window's last clock still counts in it. */
    private static UInt counter(int width, Bool event, Bool windowEnd) {
        UInt count = regUInt(width, 0);
        UInt next = mux(and(event, neq(count, u((1L << width) - 1, width))), add(count, 1), count);
        when(windowEnd, () -> assign(count, 0)).otherwise(() -> assign(count, next));
        return next;
    }
}
