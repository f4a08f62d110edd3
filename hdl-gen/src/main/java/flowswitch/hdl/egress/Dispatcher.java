package flowswitch.hdl.egress;

import static flowswitch.hdl.dsl.Hw.*;
import static flowswitch.hdl.dsl.HwComponent.build;

import flowswitch.hdl.decision.Decision;
import flowswitch.hdl.dsl.BitLayout;
import flowswitch.hdl.dsl.HwComponent;
import flowswitch.hdl.stream.AxisBeat;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.UInt;
import spinal.lib.Stream;

/**
 * One ingress port's dispatcher: takes the decision for the next stored frame, then moves that frame's beats.
 * A frame with no destination is read out and discarded at one beat per cycle; any other frame asks the
 * {@link Allocator} for its destination ports and flows out on {@code m_beat} (MACs rewritten, an ARP request made
 * the switch's reply through {@link ArpReply}, if asked) while it holds them. The next decision is taken with the
 * current frame's last beat, and a grant takes effect in the cycle it is given, so frames follow each other without
 * idle cycles.
 */
final class Dispatcher extends HwComponent {
    final Stream<Bits> sDecision;
    final Stream<Bits> sFrame;
    final Bits cfgSwitchMac = in(bits(MacRewrite.MAC_BITS));
    /** The current frame's beats; valid only while its destination ports are held or granted. */
    final Stream<Bits> mBeat;
    /** The current frame's destination ports (meaningful while {@code request} or {@code holding}). */
    final Bits dest;
    final Bool request = out(bool());
    final Bool holding = out(bool());
    final Bool grant = in(bool());

    final Bool loaded = regBool(false);
    final Bits frameDest;
    final Bool frameRewrite = regBool(false);
    final Bits frameDstMac = regBits(MacRewrite.MAC_BITS, 0);
    final Bool frameArpReply = regBool(false);
    final Bits frameVip = regBits(32, 0);
    final Bool held = regBool(false);
    /** Beats of the current frame already moved, saturating once past the rewritten header. */
    final UInt beatIndex;
    final Bool drop;
    final Bool go;
    final Bool lastFire;
    final ArpReply arpReply;

    Dispatcher(EgressSwitchConfig config) {
        BitLayout beat = AxisBeat.layout(config.dataWidth());
        BitLayout decision = Decision.layout(config.ports());
        int headerBeats = MacRewrite.headerBeats(config.dataWidth());
        sDecision = slave(stream(decision::newBits));
        sFrame = slave(stream(beat::newBits));
        mBeat = master(stream(beat::newBits));
        dest = out(bits(config.ports()));
        frameDest = regBits(config.ports(), 0);
        beatIndex = regUInt(bitsFor(headerBeats), 0);
        arpReply = build(new ArpReply(config.dataWidth()));

        drop = and(loaded, eq(frameDest, 0));
        go = or(held, grant);
        assign(dest, frameDest);
        assign(request, and(loaded, not(drop), not(held)));
        assign(holding, held);

        assign(arpReply.sBeat.valid(), and(sFrame.valid(), go));
        assign(arpReply.sBeat.payload(), sFrame.payload());
        assign(arpReply.enable, frameArpReply);
        assign(arpReply.requesterMac, frameDstMac);
        assign(arpReply.vip, frameVip);
        assign(arpReply.switchMac, cfgSwitchMac);
        assign(mBeat.valid(), arpReply.mBeat.valid());
        Bits payload = arpReply.mBeat.payload();
        Bits rewritten = beat.newBits();
        assign(rewritten, payload);
        assign(beat.get(rewritten, "data"), MacRewrite.apply(beat.get(payload, "data"), beatIndex, frameRewrite,
                frameDstMac, cfgSwitchMac));
        assign(mBeat.payload(), rewritten);
        assign(arpReply.mBeat.ready(), mBeat.ready());
        assign(sFrame.ready(), or(drop, and(go, arpReply.sBeat.ready())));

        lastFire = and(sFrame.fire(), beat.getBool(sFrame.payload(), "last"));
        assign(sDecision.ready(), or(not(loaded), lastFire));
        when(sDecision.fire(), () -> {
            assign(loaded, true);
            assign(frameDest, decision.get(sDecision.payload(), "dest"));
            assign(frameRewrite, decision.getBool(sDecision.payload(), "rewrite"));
            assign(frameDstMac, decision.get(sDecision.payload(), "dst_mac"));
            assign(frameArpReply, decision.getBool(sDecision.payload(), "arp_reply"));
            assign(frameVip, decision.get(sDecision.payload(), "vip"));
        }).elseWhen(lastFire, () -> assign(loaded, false));

        when(lastFire, () -> assign(held, false)).elseWhen(grant, () -> assign(held, true));
        when(lastFire, () -> assign(beatIndex, 0))
                .elseWhen(and(sFrame.fire(), lt(beatIndex, headerBeats)), () -> assign(beatIndex, add(beatIndex, 1)));
    }
}
