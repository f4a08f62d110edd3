package flowswitch.hdl.egress;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.hdl.dsl.BitLayout;
import flowswitch.hdl.dsl.HwComponent;
import flowswitch.hdl.stream.AxisBeat;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.UInt;
import spinal.lib.Stream;

/**
 * Turns an ARP request, as its beats stream through, into the switch's reply for {@code vip} (docs/datapath.md
 * "ARP for the VIPs"): operation 2, sender MAC := the switch MAC, sender IP := {@code vip}, target MAC :=
 * {@code requesterMac}, target IP := the request's sender IP. The Ethernet MACs are {@link MacRewrite}'s.
 *
 * <p>A beat leaves in the cycle it arrives, so every value must be known by then. The VIP (the request's target IP)
 * and the requester's MAC come later in the frame than where they are written: they come with the frame's decision.
 * The ethertype, which says whether a VLAN tag moved the ARP body, and the request's sender IP come earlier (or in the
 * same beat): they are read from the beats themselves, the earlier ones as captured while they passed.
 *
 * <p>{@code enable}, {@code requesterMac} and {@code vip} must hold from the frame's first beat to its last;
 * with {@code enable} low the frame passes unchanged.
 */
final class ArpReply extends HwComponent {
    private static final int ETH_VLAN = 0x8100;
    private static final int UNTAGGED_L3 = 14;
    private static final int TAGGED_L3 = 18;
    /** Bytes of the ARP body from the operation (l3 + 6) to the end of the target IP (l3 + 28). */
    private static final int FIRST_WRITTEN = 6;
    private static final int BODY_END = 28;
    private static final int SENDER_MAC = 8;
    private static final int SENDER_IP = 14;
    private static final int TARGET_MAC = 18;
    private static final int TARGET_IP = 24;
    private static final int OPERATION_REPLY = 2;
    /** Frame bytes the rewrite reads or writes: up to the target IP behind a VLAN tag. */
    static final int WINDOW_BYTES = TAGGED_L3 + BODY_END;

    final Stream<Bits> sBeat;
    final Stream<Bits> mBeat;
    final Bool enable = in(bool());
    final Bits requesterMac = in(bits(48));
    final Bits vip = in(bits(32));
    final Bits switchMac = in(bits(48));

    /** The current beat's number in its frame, saturating once past the window. */
    final UInt beatIndex;
    /** The window's beats that passed before the current one. */
    final Bits seen;

    ArpReply(int dataWidth) {
        BitLayout beat = AxisBeat.layout(dataWidth);
        int beatBytes = dataWidth / 8;
        int windowBeats = (WINDOW_BYTES + beatBytes - 1) / beatBytes;
        sBeat = slave(stream(beat::newBits));
        mBeat = master(stream(beat::newBits));
        beatIndex = regUInt(bitsFor(windowBeats), 0);
        seen = reg(() -> bits(windowBeats * dataWidth));

        Bits data = beat.get(sBeat.payload(), "data");
        // The window as far as it has come: earlier beats from the capture, the current one as it is.
        Bits window = bits(windowBeats * dataWidth);
        for (int k = 0; k < windowBeats; k++) {
            Bits captured = slice(seen, k * dataWidth, dataWidth);
            assign(slice(window, k * dataWidth, dataWidth), mux(eq(beatIndex, k), data, captured));
        }
        Bool vlan = eq(cat(byteAt(window, 12), byteAt(window, 13)), ETH_VLAN);

        Bits rewritten = data;
        for (int k = 0; k < windowBeats; k++) {
            // Lanes from the top down, so that lane 0 ends in bits 7:0.
            int first = k * beatBytes;
            Bits replaced = replyByte(window, first + beatBytes - 1, vlan, slice(data, (beatBytes - 1) * 8, 8));
            for (int lane = beatBytes - 2; lane >= 0; lane--) {
                replaced = cat(replaced, replyByte(window, first + lane, vlan, slice(data, lane * 8, 8)));
            }
            rewritten = mux(and(enable, eq(beatIndex, k)), replaced, rewritten);
        }
        Bits payload = beat.newBits();
        assign(payload, sBeat.payload());
        assign(beat.get(payload, "data"), rewritten);
        connect(sBeat.translateWith(payload), mBeat);

        when(sBeat.fire(), () -> {
            assign(seen, window);
            when(beat.getBool(sBeat.payload(), "last"), () -> assign(beatIndex, 0))
                    .elseWhen(lt(beatIndex, windowBeats), () -> assign(beatIndex, add(beatIndex, 1)));
        });
    }

    /** Frame byte {@code position} of the reply: as it came unless the ARP body, behind or without a tag, puts it. */
    private Bits replyByte(Bits window, int position, Bool vlan, Bits asItCame) {
        Bits untagged = bodyByte(window, position, UNTAGGED_L3);
        Bits tagged = bodyByte(window, position, TAGGED_L3);
        if (untagged == null && tagged == null) return asItCame;
        return mux(vlan, tagged == null ? asItCame : tagged, untagged == null ? asItCame : untagged);
    }

    /** The reply's byte at {@code position} for an ARP body at {@code l3}; null where the reply keeps the frame's. */
    private Bits bodyByte(Bits window, int position, int l3) {
        int at = position - l3;
        if (at < FIRST_WRITTEN || at >= BODY_END) return null;
        if (at < SENDER_MAC) return b(at == FIRST_WRITTEN ? 0 : OPERATION_REPLY, 8);
        if (at < SENDER_IP) return octet(switchMac, at - SENDER_MAC);
        if (at < TARGET_MAC) return octet(vip, at - SENDER_IP);
        if (at < TARGET_IP) return octet(requesterMac, at - TARGET_MAC);
        return byteAt(window, l3 + SENDER_IP + at - TARGET_IP);
    }

    /** Octet {@code i} of an address held with octet 0 in its top bits. */
    private static Bits octet(Bits address, int i) {
        return slice(address, address.getBitsWidth() - 8 * (i + 1), 8);
    }

    private static Bits byteAt(Bits window, int position) {
        return slice(window, position * 8, 8);
    }
}
