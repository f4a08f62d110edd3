package flowswitch.hdl.decision;

import static flowswitch.hdl.dsl.Hw.*;
import static flowswitch.hdl.dsl.HwComponent.build;

import flowswitch.config.ServerState;
import flowswitch.hdl.dsl.BitLayout;
import flowswitch.hdl.dsl.Fifo;
import flowswitch.hdl.dsl.HwComponent;
import flowswitch.hdl.flowtable.FlowKey;
import flowswitch.hdl.flowtable.FlowKind;
import flowswitch.hdl.ingress.FrameMeta;
import flowswitch.hdl.ingress.FrameStatus;
import flowswitch.hdl.tables.RouterEntry;
import flowswitch.hdl.tables.ServerEntry;
import flowswitch.hdl.tables.ServiceEntry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.UInt;
import spinal.core.Vec;
import spinal.lib.Stream;

/**
 * Decides, one frame at a time in arrival order, where each stored frame goes (docs/datapath.md "Forwarding
 * decision"): service frames through the flow table and scheduler with a MAC rewrite, ARP requests for a VIP from an
 * uplink back out as the switch's reply, everything else through the learning bridge, which keeps servers' ARP about
 * a VIP from the uplinks and sends servers' frames for a router that is down to a live one (router failover). A
 * frame takes two cycles: one to take its metadata, classify it and start the flow table's RAM read, one to decide
 * and update the tables, so every decision sees all earlier frames' updates.
 */
public final class DecisionUnit extends HwComponent {
    public final List<Stream<Bits>> sMeta = new ArrayList<>();
    public final List<Stream<Bits>> mDecision = new ArrayList<>();
    public final Bits cfgSwitchMac = in(bits(48));
    public final Bits cfgUplinkMask;
    public final Vec<Bits> cfgServices;
    public final Vec<Bits> cfgServers;
    public final Vec<Bits> cfgRouters;
    // The flow table, a peer component: looked up as a frame is taken, written as its decision is handed over.
    public final Bool flowLookupIssue = out(bool());
    public final Bits flowLookupKey;
    public final Bool flowBusy = out(bool());
    public final Bool flowIssueBlocked = in(bool());
    public final Bool flowHit = in(bool());
    public final UInt flowHitValue;
    public final Bits flowHitKind = in(bits(FlowKind.WIDTH));
    public final Bool flowCanInsert = in(bool());
    public final Bool flowCommit = out(bool());
    public final Bool flowCommitWrite = out(bool());
    public final UInt flowCommitValue;
    public final Bits flowCommitKind = out(bits(FlowKind.WIDTH));
    // For the scheduler: active connections per server slot, and the frame's Maglev entry (read with the flow table).
    public final Vec<UInt> cfgConnections;
    public final UInt maglevServer;

    // Counter events: one pulse per decided frame (servers' and services' traffic is counted as it leaves, by the egress).
    public final List<Bool> statPortDrop = new ArrayList<>();
    public final Map<DropReason, Bool> statDrop = new EnumMap<>(DropReason.class);
    public final Bool statFlowHit = out(bool());
    public final Bool statFlowMiss = out(bool());
    public final Bool statFlowInsert = out(bool());
    public final Bool statFlowInsertFail = out(bool());
    public final Bool statFlowReassign = out(bool());
    public final List<Bool> statServerNewFlow = new ArrayList<>();
    /** Passive health: a client SYN sent to server s, a SYN-ACK from it (docs/datapath.md "Passive health"). */
    public final Bits statServerSyn;
    public final Bits statServerSynAck;
    public final List<Bool> statServiceArpReply = new ArrayList<>();
    public final List<Bool> statRouterFailover = new ArrayList<>();
    public final List<Bool> statRouterTakeover = new ArrayList<>();
    public final UInt statMacOccupancy;

    private static final int TCP_FIN = 0;
    private static final int TCP_SYN = 1;
    private static final int TCP_RST = 2;
    private static final int TCP_ACK = 4;
    private static final int TCP = 6;

    final Bool busy = regBool(false);
    final Bits frame = reg(FrameMeta.LAYOUT::newBits);
    final UInt ingress;
    final UInt roundRobin;
    final Bool serviceFrame = regBool(false);
    final UInt service;
    final Bits policy = reg(() -> bits(3));
    final Bits flowKey;
    final List<Fifo<Bits>> decisions = new ArrayList<>();
    final ServiceClassifier classifier;
    final ServerScheduler scheduler;
    final MacTable macs;
    final VipMatch arpTarget;
    final VipMatch arpSender;
    final RouterFailover routers;

    public DecisionUnit(DecisionUnitConfig cfg) {
        int ports = cfg.ports();
        int pb = cfg.portBits();
        int servers = cfg.scheduler().servers();
        int services = cfg.scheduler().services();
        BitLayout meta = FrameMeta.LAYOUT;
        BitLayout decision = Decision.layout(ports, cfg.scheduler().serverBits(), cfg.scheduler().serviceBits());
        BitLayout srv = ServerEntry.LAYOUT;

        cfgUplinkMask = in(bits(ports));
        cfgServices = in(vec(ServiceEntry.LAYOUT::newBits, services));
        cfgServers = in(vec(srv::newBits, servers));
        cfgRouters = in(vec(RouterEntry.LAYOUT::newBits, cfg.routers().routers()));
        ingress = regUInt(pb, 0);
        roundRobin = regUInt(pb, 0);
        for (int i = 0; i < ports; i++) {
            sMeta.add(slave(stream(meta::newBits)));
            mDecision.add(master(stream(decision::newBits)));
            decisions.add(bypassFifo(decision::newBits, cfg.decisionFifoDepth()));
            statPortDrop.add(out(bool()));
        }
        for (DropReason r : DropReason.values()) statDrop.put(r, out(bool()));
        for (int s = 0; s < servers; s++) statServerNewFlow.add(out(bool()));
        statServerSyn = out(bits(servers));
        statServerSynAck = out(bits(servers));
        for (int v = 0; v < services; v++) statServiceArpReply.add(out(bool()));
        for (int r = 0; r < cfg.routers().routers(); r++) {
            statRouterFailover.add(out(bool()));
            statRouterTakeover.add(out(bool()));
        }
        statMacOccupancy = out(uint(cfg.macTable().indexWidth() + 1));
        flowLookupKey = out(bits(cfg.flowTable().keyWidth()));
        flowHitValue = in(uint(cfg.flowTable().valueWidth()));
        flowCommitValue = out(uint(cfg.flowTable().valueWidth()));
        cfgConnections = in(vec(() -> uint(cfg.scheduler().connectionBits()), servers));
        maglevServer = in(uint(cfg.scheduler().serverBits()));
        classifier = build(new ServiceClassifier(services));
        scheduler = build(new ServerScheduler(cfg.scheduler()));
        macs = build(new MacTable(cfg.macTable()));
        arpTarget = build(new VipMatch(services));
        arpSender = build(new VipMatch(services));
        routers = build(new RouterFailover(cfg.routers()));

        // ---- take the next frame's metadata, round-robin over the ports
        Bits waiting = bits(ports);
        Vec<Bits> offered = vec(meta::newBits, ports);
        for (int i = 0; i < ports; i++) {
            assign(bit(waiting, i), sMeta.get(i).valid());
            assign(offered.apply(i), sMeta.get(i).payload());
        }
        UInt chosen = firstSetFrom(waiting, roundRobin);
        Bool take = and(not(busy), orReduce(waiting), not(flowIssueBlocked));
        for (int i = 0; i < ports; i++) assign(sMeta.get(i).ready(), and(take, eq(chosen, u(i, pb))));

        // The flow key needs the service, so classification happens as the frame is taken, in time for the RAM read.
        Bits next = element(offered, chosen);
        assign(classifier.services, cfgServices);
        assign(classifier.fromUplink, orReduce(andBits(cfgUplinkMask, oneHot(chosen, ports))));
        assign(classifier.l4, and(eq(meta.get(next, "status"), FrameStatus.OK.code()), meta.getBool(next, "l4")));
        assign(classifier.dstIp, meta.get(next, "dst_ip"));
        assign(classifier.proto, meta.get(next, "proto"));
        assign(classifier.dstPort, meta.get(next, "dst_port"));
        BitLayout key = FlowKey.layout(cfg.scheduler().serviceBits());
        Bits nextKey = key.newBits();
        key.assignAll(nextKey, Map.of("service", classifier.index, "src_ip", meta.get(next, "src_ip"),
                "src_port", meta.get(next, "src_port"), "dst_port", meta.get(next, "dst_port"),
                "proto", meta.get(next, "proto")));
        flowKey = reg(key::newBits);
        service = reg(() -> uint(cfg.scheduler().serviceBits()));
        when(take, () -> {
            assign(busy, true);
            assign(frame, next);
            assign(ingress, chosen);
            assign(roundRobin, incrementModulo(chosen, ports));
            assign(serviceFrame, classifier.hit);
            assign(service, classifier.index);
            assign(policy, classifier.policy);
            assign(flowKey, nextKey);
        });
        assign(flowLookupIssue, take);
        assign(flowLookupKey, nextKey);
        assign(flowBusy, busy);

        // ---- decide
        Bits status = meta.get(frame, "status");
        Bool ok = eq(status, FrameStatus.OK.code());
        Bits dstMac = meta.get(frame, "dst_mac");
        Bits srcMac = meta.get(frame, "src_mac");
        Bits ingressBit = oneHot(ingress, ports);

        Bits known = element(cfgServers, flowHitValue);
        Bits knownState = srv.get(known, "state");
        Bool knownAlive = and(srv.getBool(known, "valid"),
                eq(resize(srv.getUInt(known, "service"), cfg.scheduler().serviceBits()), service),
                or(eq(knownState, ServerState.UP.code()), eq(knownState, ServerState.DRAIN.code())));
        Bool knownFlow = and(flowHit, knownAlive);
        Bool stale = and(flowHit, not(knownAlive));
        // The service may refuse a dead server's connections instead of moving them; the entry keeps its server.
        Bool downDrop = and(stale, ServiceEntry.LAYOUT.getBool(element(cfgServices, service), "on_server_down"));
        Bool reassign = and(stale, not(downDrop));
        Bool miss = not(flowHit);
        Bool tableFull = and(miss, not(flowCanInsert));

        assign(scheduler.servers, cfgServers);
        assign(scheduler.service, service);
        assign(scheduler.policy, policy);
        Bits hash = tupleHash(frame);
        assign(scheduler.hash, hash);
        assign(scheduler.connections, cfgConnections);
        assign(scheduler.maglevServer, maglevServer);
        // A TCP segment that cannot open a connection (no SYN, or SYN+ACK) belongs to one the table lost: the hash pick
        // gives it the server it had while it was not stored.
        Bits tcpFlags = meta.get(frame, "tcp_flags");
        Bool opens = or(neq(meta.get(frame, "proto"), b(TCP, 8)), and(bit(tcpFlags, TCP_SYN), not(bit(tcpFlags, TCP_ACK))));
        assign(scheduler.byHash, and(miss, or(not(flowCanInsert), not(opens))));
        Bool serverFound = or(knownFlow, scheduler.available);
        UInt server = mux(or(knownFlow, downDrop), flowHitValue, scheduler.pick);
        Bits target = element(cfgServers, server);
        Bits serverPortBit = oneHot(srv.getUInt(target, "port"), ports);

        Bool toSwitch = eq(dstMac, cfgSwitchMac);
        Bool fromUplink = bit(cfgUplinkMask, ingress);
        assign(routers.routers, cfgRouters);
        assign(routers.dstMac, dstMac);
        assign(routers.hash, mux(meta.getBool(frame, "l4"), hash, b(0, 16)));
        Bool failover = and(ok, not(fromUplink), not(toSwitch), routers.toDownRouter);
        Bool failingOver = and(failover, routers.available);
        // A failed-over frame goes where its new router lives, so that is the MAC looked up.
        assign(macs.lookupMac, mux(failover, routers.pickMac, dstMac));
        Bool groupAddress = bit(dstMac, 40);
        Bool sameSegment = and(macs.known, eq(macs.knownPort, ingress));
        Bits floodMask = andBits(invert(ingressBit), b((1L << ports) - 1, ports));
        Bits knownPortBit = oneHot(macs.knownPort, ports);

        // ARP about a VIP (docs/datapath.md "ARP for the VIPs"); for ARP, src_ip and dst_ip hold its sender and target IP.
        Bits targetIp = meta.get(frame, "dst_ip");
        assign(arpTarget.services, cfgServices);
        assign(arpTarget.ip, targetIp);
        assign(arpSender.services, cfgServices);
        assign(arpSender.ip, meta.get(frame, "src_ip"));
        Bool arp = and(ok, meta.getBool(frame, "arp"));
        Bool answerArp = and(arp, meta.getBool(frame, "arp_request"), fromUplink, arpTarget.hit);
        Bool keepFromUplinks = and(arp, not(fromUplink), or(arpTarget.hit, arpSender.hit));

        Bits bridged = bits(ports);
        assign(bridged, b(0, ports));
        Bool bridging = and(ok, not(serviceFrame), not(answerArp));
        when(and(bridging, not(toSwitch)), () -> {
            // Routers hang on uplinks: a failed-over frame whose router is not learned yet goes to all of them.
            when(failingOver, () -> assign(bridged, mux(macs.known, mux(sameSegment, b(0, ports), knownPortBit),
                    cfgUplinkMask)))
                    .elseWhen(failover, () -> assign(bridged, b(0, ports)))
                    .elseWhen(or(groupAddress, not(macs.known)), () -> assign(bridged, floodMask))
                    .elseWhen(not(sameSegment), () -> assign(bridged, knownPortBit));
        });
        Bits bridgedKept = andBits(bridged, invert(cfgUplinkMask));

        Map<DropReason, Bool> reason = new EnumMap<>(DropReason.class);
        reason.put(DropReason.OVERSIZE, eq(status, FrameStatus.OVERSIZE.code()));
        reason.put(DropReason.RX_ERROR, eq(status, FrameStatus.RX_ERROR.code()));
        reason.put(DropReason.PARSE_ERROR, eq(status, FrameStatus.PARSE_ERROR.code()));
        reason.put(DropReason.NO_SERVER, and(ok, serviceFrame, not(serverFound), not(downDrop)));
        reason.put(DropReason.NO_SERVICE, and(bridging, toSwitch));
        reason.put(DropReason.FILTERED, and(bridging, not(toSwitch), sameSegment,
                or(failingOver, and(not(failover), not(groupAddress)))));
        reason.put(DropReason.VIP_ARP, and(keepFromUplinks, neq(bridged, b(0, ports)), eq(bridgedKept, 0)));
        reason.put(DropReason.SERVER_DOWN, and(ok, serviceFrame, downDrop));
        reason.put(DropReason.NO_ROUTER, and(failover, not(routers.available)));
        Bool forwardedService = and(ok, serviceFrame, serverFound, not(downDrop));
        Bits dest = mux(forwardedService, serverPortBit,
                mux(answerArp, ingressBit, mux(keepFromUplinks, bridgedKept, bridged)));

        Bits verdict = decision.newBits();
        decision.assignAll(verdict, Map.of("dest", dest, "rewrite", or(forwardedService, answerArp, failingOver),
                "dst_mac", mux(answerArp, meta.get(frame, "arp_sha"),
                        mux(failingOver, routers.pickMac, srv.get(target, "mac"))),
                "arp_reply", answerArp, "vip", targetIp, "served", forwardedService,
                "server", resize(server, cfg.scheduler().serverBits()), "service", service));
        Vec<Bool> pushReady = vec(flowswitch.hdl.dsl.Hw::bool, ports);
        for (int i = 0; i < ports; i++) {
            Stream<Bits> push = decisions.get(i).push();
            assign(push.valid(), and(busy, eq(ingress, u(i, pb))));
            assign(push.payload(), verdict);
            assign(pushReady.apply(i), push.ready());
            connect(decisions.get(i).pop(), mDecision.get(i));
        }
        Bool done = and(busy, element(pushReady, ingress));
        when(done, () -> assign(busy, false));

        // ---- table updates and counters, only when the decision is handed over
        Bool serviceDone = and(done, forwardedService);
        Bool newFlow = and(serviceDone, not(knownFlow));
        // Every forwarded service frame refreshes (or creates) its entry: last-seen time, and FIN/RST shortening it.
        assign(flowCommit, done);
        // A refused connection keeps its entry alive too, so it stays refused rather than aging into a new server.
        assign(flowCommitWrite, or(serviceDone, and(done, ok, serviceFrame, downDrop)));
        assign(flowCommitValue, server);
        Bool closing = or(bit(tcpFlags, TCP_FIN), bit(tcpFlags, TCP_RST),
                and(flowHit, eq(flowHitKind, FlowKind.TCP_CLOSING.code())));
        assign(flowCommitKind, FlowKind.of(meta.get(frame, "proto"), closing));
        assign(scheduler.commit, newFlow);
        assign(macs.learnEnable, and(done, ok, not(bit(srcMac, 40))));
        assign(macs.learnMac, srcMac);
        assign(macs.learnPort, ingress);

        Bool dropped = and(done, eq(dest, 0));
        for (int i = 0; i < ports; i++) assign(statPortDrop.get(i), and(dropped, eq(ingress, u(i, pb))));
        for (DropReason r : DropReason.values()) assign(statDrop.get(r), and(done, reason.get(r)));
        Bool serviceDecided = and(done, ok, serviceFrame);
        assign(statFlowHit, and(serviceDecided, knownFlow));
        assign(statFlowMiss, and(serviceDecided, miss));
        assign(statFlowInsertFail, and(newFlow, tableFull));
        assign(statFlowInsert, and(newFlow, miss, flowCanInsert));
        assign(statFlowReassign, and(newFlow, reassign));
        Bool tcp = and(ok, meta.getBool(frame, "l4"), eq(meta.get(frame, "proto"), b(TCP, 8)));
        Bool clientSyn = and(serviceDone, tcp, bit(tcpFlags, TCP_SYN), not(bit(tcpFlags, TCP_ACK)));
        Bool serverSynAck = and(done, tcp, not(fromUplink), bit(tcpFlags, TCP_SYN), bit(tcpFlags, TCP_ACK));
        // A server answers from its service's VIP; the lowest slot with both the MAC and the VIP is the one counted.
        Bits answering = bits(servers);
        for (int s = 0; s < servers; s++) {
            Bits slot = cfgServers.apply(s);
            Bits svc = element(cfgServices, resize(srv.getUInt(slot, "service"), cfg.scheduler().serviceBits()));
            assign(bit(answering, s), and(srv.getBool(slot, "valid"), eq(srv.get(slot, "mac"), srcMac),
                    ServiceEntry.LAYOUT.getBool(svc, "enable"), eq(ServiceEntry.LAYOUT.get(svc, "vip"),
                            meta.get(frame, "src_ip"))));
        }
        assign(statServerSynAck, mux(and(serverSynAck, orReduce(answering)), lowestSetBit(answering), b(0, servers)));
        for (int s = 0; s < servers; s++) {
            Bool isThis = eq(server, u(s, cfg.scheduler().serverBits()));
            assign(statServerNewFlow.get(s), and(newFlow, isThis));
            assign(bit(statServerSyn, s), and(clientSyn, isThis));
        }
        for (int v = 0; v < services; v++) {
            assign(statServiceArpReply.get(v),
                    and(done, answerArp, eq(arpTarget.index, u(v, cfg.scheduler().serviceBits()))));
        }
        Bool failedOver = and(done, failingOver, orReduce(dest));
        for (int r = 0; r < cfg.routers().routers(); r++) {
            UInt slot = u(r, cfg.routers().indexBits());
            assign(statRouterFailover.get(r), and(failedOver, eq(routers.downIndex, slot)));
            assign(statRouterTakeover.get(r), and(failedOver, eq(routers.pick, slot)));
        }
        assign(statMacOccupancy, macs.occupancy);
    }

    /** The 16-bit 5-tuple fold of docs/datapath.md "Pick by hash". */
    private static Bits tupleHash(Bits frame) {
        BitLayout meta = FrameMeta.LAYOUT;
        Bits src = meta.get(frame, "src_ip");
        Bits dst = meta.get(frame, "dst_ip");
        Bits h = xorBits(slice(src, 16, 16), slice(src, 0, 16));
        h = xorBits(h, xorBits(slice(dst, 16, 16), slice(dst, 0, 16)));
        h = xorBits(h, xorBits(meta.get(frame, "src_port"), meta.get(frame, "dst_port")));
        return xorBits(h, resize(meta.get(frame, "proto"), 16));
    }
}
