package flowswitch.hdl.egress;

import static flowswitch.hdl.dsl.Hw.*;
import static flowswitch.hdl.dsl.HwComponent.build;

import flowswitch.hdl.dsl.BitLayout;
import flowswitch.hdl.dsl.HwComponent;
import flowswitch.hdl.ingress.FrameStatus;
import flowswitch.hdl.ingress.IngressBeat;
import flowswitch.hdl.stream.AxisBeat;
import java.util.Map;
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
 * idle cycles. The frame may still be arriving (cut-through): its ports stay held across gaps in its beats.
 *
 * <p>When a frame with a destination has left, the dispatcher reports it (docs/datapath.md "Counters"): aborted by
 * a late error ({@code stat_abort}, with the error's {@code stat_abort_status}), or, for a service frame, left whole
 * with {@code stat_bytes} bytes for its server and service ({@code stat_served}).
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
    final Bool statAbort = out(bool());
    final Bits statAbortStatus = out(bits(FrameStatus.WIDTH));
    final Bool statServed = out(bool());
    final UInt statServer;
    final UInt statService;
    final UInt statBytes = out(uint(EgressSwitchConfig.STAT_BYTES_WIDTH));

    final Bool loaded = regBool(false);
    final Bits frameDest;
    final Bool frameRewrite = regBool(false);
    final Bits frameDstMac = regBits(MacRewrite.MAC_BITS, 0);
    final Bool frameArpReply = regBool(false);
    final Bits frameVip = regBits(32, 0);
    final Bool frameServed = regBool(false);
    final UInt frameServer;
    final UInt frameService;
    /** Bytes of the current frame moved before this beat. */
    final UInt frameBytes = regUInt(EgressSwitchConfig.STAT_BYTES_WIDTH, 0);
    final Bool held = regBool(false);
    /** Beats of the current frame already moved, saturating once past the rewritten header. */
    final UInt beatIndex;
    final Bool drop;
    final Bool go;
    final Bool lastFire;
    final ArpReply arpReply;

    Dispatcher(EgressSwitchConfig config) {
        BitLayout beat = AxisBeat.layout(config.dataWidth());
        BitLayout stored = IngressBeat.layout(config.dataWidth());
        BitLayout decision = config.decisionLayout();
        int headerBeats = MacRewrite.headerBeats(config.dataWidth());
        int serverBits = config.scheduler().serverBits();
        int serviceBits = config.scheduler().serviceBits();
        sDecision = slave(stream(decision::newBits));
        sFrame = slave(stream(stored::newBits));
        statServer = out(uint(serverBits));
        statService = out(uint(serviceBits));
        frameServer = regUInt(serverBits, 0);
        frameService = regUInt(serviceBits, 0);
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
        Bits in = sFrame.payload();
        beat.assignAll(arpReply.sBeat.payload(), Map.of("data", stored.get(in, "data"), "keep", stored.get(in, "keep"),
                "last", stored.getBool(in, "last"), "user", stored.getBool(in, "user")));
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

        lastFire = and(sFrame.fire(), stored.getBool(in, "last"));
        assign(sDecision.ready(), or(not(loaded), lastFire));
        when(sDecision.fire(), () -> {
            assign(loaded, true);
            assign(frameDest, decision.get(sDecision.payload(), "dest"));
            assign(frameRewrite, decision.getBool(sDecision.payload(), "rewrite"));
            assign(frameDstMac, decision.get(sDecision.payload(), "dst_mac"));
            assign(frameArpReply, decision.getBool(sDecision.payload(), "arp_reply"));
            assign(frameVip, decision.get(sDecision.payload(), "vip"));
            assign(frameServed, decision.getBool(sDecision.payload(), "served"));
            assign(frameServer, decision.getUInt(sDecision.payload(), "server"));
            assign(frameService, decision.getUInt(sDecision.payload(), "service"));
        }).elseWhen(lastFire, () -> assign(loaded, false));

        when(lastFire, () -> assign(held, false)).elseWhen(grant, () -> assign(held, true));
        when(lastFire, () -> assign(beatIndex, 0))
                .elseWhen(and(sFrame.fire(), lt(beatIndex, headerBeats)), () -> assign(beatIndex, add(beatIndex, 1)));

        UInt bytesThrough = add(frameBytes, resize(countOnes(stored.get(in, "keep")), EgressSwitchConfig.STAT_BYTES_WIDTH));
        when(sFrame.fire(), () -> assign(frameBytes, mux(stored.getBool(in, "last"), u(0, frameBytes.getBitsWidth()), bytesThrough)));
        Bits status = stored.get(in, "status");
        Bool aborted = neq(status, b(FrameStatus.OK.code(), FrameStatus.WIDTH));
        Bool sentEnd = and(lastFire, not(drop));
        assign(statAbort, and(sentEnd, aborted));
        assign(statAbortStatus, status);
        assign(statServed, and(sentEnd, not(aborted), frameServed));
        assign(statServer, frameServer);
        assign(statService, frameService);
        assign(statBytes, bytesThrough);
    }
}
