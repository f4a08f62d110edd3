package flowswitch.sim.golden;

import flowswitch.config.HardwareParams;
import flowswitch.config.Ipv4Address;
import flowswitch.config.MacAddress;
import flowswitch.config.Scheduler;
import flowswitch.config.Protocol;
import flowswitch.config.RouterState;
import flowswitch.config.ServerSlot;
import flowswitch.config.ServerState;
import flowswitch.config.SwitchConfig;
import flowswitch.driver.maglev.MaglevTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The switch of docs/datapath.md in plain Java, one frame at a time in decision order. A test feeds it the frames
 * it feeds the RTL and compares what leaves, and the counters, with what the hardware did.
 */
public final class GoldenModel {
    private static final int TCP_SYN = 0x02;
    private static final int TCP_ACK = 0x10;

    private final HardwareParams hardware;
    private final MacAddress switchMac;
    private final FrameParser parser;
    private final ServiceClassifier classifier;
    private final ServerTable servers;
    private final FlowTable flows;
    private final LoadBalancer balancer;
    private final Maglev maglev;
    private final MacTable macs;
    private final Bridge bridge;
    private final VipArp vipArp;
    private final RouterPool routers;
    private final CounterBank counters;

    /** A switch just reset and loaded with {@code config}, as the host driver loads it. */
    public GoldenModel(SwitchConfig config) {
        this.hardware = config.hardware();
        this.switchMac = config.switchMac();
        this.parser = new FrameParser(hardware.maxFrameBytes(), hardware.bytesPerBeat());
        this.classifier = new ServiceClassifier(config.uplinkMask(), hardware.maxServices());
        this.servers = new ServerTable(hardware.maxServers());
        this.flows = new FlowTable(hardware.flowTableSize());
        this.maglev = new Maglev(hardware.maxServices(), hardware.maglevTableSize());
        this.balancer = new LoadBalancer(flows, servers, new WeightedRoundRobin(hardware.maxServices()), maglev);
        this.macs = new MacTable(hardware.macTableSize());
        this.bridge = new Bridge(macs, switchMac, hardware.ports());
        this.vipArp = new VipArp(classifier, switchMac);
        this.counters = new CounterBank(hardware);
        this.routers = new RouterPool(hardware.maxRouters());
        for (int r = 0; r < config.routers().size(); r++) {
            routers.set(r, Optional.of(RouterEntry.of(config.routers().get(r))));
        }
        for (int s = 0; s < config.services().size(); s++) {
            classifier.set(s, Optional.of(ServiceEntry.of(config.services().get(s))));
        }
        for (ServerSlot slot : config.serverSlots()) {
            servers.set(slot.index(), Optional.of(ServerEntry.of(slot)));
        }
        // As fsctl apply loads them: a table for each mh service, from its servers' names and weights.
        for (int s = 0; s < config.services().size(); s++) {
            if (config.services().get(s).scheduler() != Scheduler.MH) {
                continue;
            }
            SortedMap<Integer, MaglevTable.Backend> backends = new TreeMap<>();
            for (ServerSlot slot : config.serverSlots()) {
                if (slot.serviceIndex() == s) {
                    backends.put(slot.index(), new MaglevTable.Backend(slot.server().name(), slot.server().weight()));
                }
            }
            int service = s;
            MaglevTable.slotEntries(backends, hardware.maglevTableSize()).ifPresent(t -> maglev.commit(service, t));
        }
    }

    /** A Maglev table load and commit for service slot {@code service}: {@code entries} are server slots. */
    public void commitMaglevTable(int service, int[] entries) {
        checkIndex("service slot", service, hardware.maxServices());
        maglev.commit(service, entries);
    }

    /** Active connections per server slot: the flow table's entries that hold it. */
    public List<Long> connections() {
        return IntStream.range(0, hardware.maxServers()).mapToObj(flows::connections).toList();
    }

    /**
     * One frame into the switch.
     *
     * @param rxError the MAC flagged the frame bad ({@code tuser})
     * @return the frames that leave, in ascending port order, aborted ones too; empty when the frame is dropped
     */
    public List<Egress> process(int ingressPort, byte[] frame, boolean rxError) {
        checkIndex("ingress port", ingressPort, hardware.ports());
        counters.frame(PortCounter.RX_PACKETS, PortCounter.RX_BYTES, ingressPort, frame.length);
        FrameParser.Decided decided = parser.decide(frame, rxError);
        if (decided.result() instanceof ParseResult.Rejected rejected) {
            return drop(ingressPort, rejected.reason());
        }
        ParsedFrame parsed = (ParsedFrame) decided.result();
        OptionalInt service = classifier.classify(ingressPort, parsed);
        OptionalInt answering = vipArp.answeringSlot(ingressPort, parsed);
        boolean whole = decided.lateError().isEmpty();
        List<Egress> out = service.isPresent() ? toServer(ingressPort, service.getAsInt(), parsed, frame, whole)
                : answering.isPresent() ? answerArp(ingressPort, answering.getAsInt(), parsed, frame)
                : bridged(ingressPort, parsed, frame);
        bridge.learn(ingressPort, parsed);
        countSynAck(ingressPort, parsed);
        if (!whole && !out.isEmpty()) {
            // Decided and on its way, then aborted: once under its late error, however many ports it left on.
            drop(ingressPort, decided.lateError().get());
            return out.stream().map(e -> new Egress(e.port(),
                    Arrays.copyOf(e.frame(), Math.min(frame.length, hardware.maxFrameBytes())), true)).toList();
        }
        for (Egress egress : out) {
            counters.frame(PortCounter.TX_PACKETS, PortCounter.TX_BYTES, egress.port(), frame.length);
        }
        return out;
    }

    public Counters counters() {
        return counters.snapshot(flows.occupancy(), macs.occupancy());
    }

    /** STATS_CLEAR. */
    public void clearCounters() {
        counters.clear();
    }

    /** FLOW_FLUSH. */
    public void flushFlows() {
        flows.flush();
    }

    /** @throws IllegalArgumentException for a slot out of range or not holding a server */
    public void setServerState(int slot, ServerState state) {
        servers.set(slot, Optional.of(server(slot).withState(state)));
    }

    /** @throws IllegalArgumentException for a slot out of range or not holding a server, or a weight not 0..65535 */
    public void setServerWeight(int slot, int weight) {
        servers.set(slot, Optional.of(server(slot).withWeight(weight)));
    }

    /** SRV_COMMIT with valid set: the slot now holds {@code server}, whatever it held before. */
    public void setServer(int slot, ServerEntry server) {
        checkIndex("server slot", slot, hardware.maxServers());
        checkIndex("server port", server.port(), hardware.ports());
        checkIndex("service slot of the server", server.serviceIndex(), hardware.maxServices());
        servers.set(slot, Optional.of(server));
    }

    /** SRV_COMMIT with valid clear. */
    public void clearServer(int slot) {
        checkIndex("server slot", slot, hardware.maxServers());
        servers.set(slot, Optional.empty());
    }

    /** RTR_COMMIT with valid set. */
    public void setRouter(int slot, RouterEntry router) {
        checkIndex("router slot", slot, hardware.maxRouters());
        routers.set(slot, Optional.of(router));
    }

    /** @throws IllegalArgumentException for a slot out of range or not holding a router */
    public void setRouterState(int slot, RouterState state) {
        checkIndex("router slot", slot, hardware.maxRouters());
        RouterEntry router = routers.get(slot).orElseThrow(() -> new IllegalArgumentException("router slot " + slot
                + " holds no router; load one with setRouter first"));
        routers.set(slot, Optional.of(new RouterEntry(router.mac(), state)));
    }

    /** RTR_COMMIT with valid clear. */
    public void clearRouter(int slot) {
        checkIndex("router slot", slot, hardware.maxRouters());
        routers.set(slot, Optional.empty());
    }

    /** SVC_COMMIT with enable set. */
    public void setService(int slot, ServiceEntry service) {
        checkIndex("service slot", slot, hardware.maxServices());
        classifier.set(slot, Optional.of(service));
    }

    /** SVC_COMMIT with enable clear: the service's frames are bridged from now on. */
    public void clearService(int slot) {
        checkIndex("service slot", slot, hardware.maxServices());
        classifier.set(slot, Optional.empty());
    }

    /** {@code whole}: the frame leaves whole, so the server's and service's traffic counts it. */
    private List<Egress> toServer(int ingressPort, int service, ParsedFrame parsed, byte[] frame, boolean whole) {
        ServiceEntry entry = classifier.service(service);
        Assignment assignment = balancer.assign(service, entry.scheduler(), entry.onServerDown(),
                parsed.ports().orElseThrow(), parsed.opensConnection());
        for (FlowCounter counter : assignment.outcome().counters()) {
            counters.count(counter);
        }
        if (assignment.server().isEmpty()) {
            return drop(ingressPort, assignment.outcome() == FlowOutcome.REFUSED ? DropReason.SERVER_DOWN
                    : DropReason.NO_SERVER);
        }
        int slot = assignment.server().getAsInt();
        ServerEntry server = servers.get(slot).orElseThrow();
        if (assignment.outcome().newFlow()) {
            counters.add(ServerCounter.NEW_FLOWS, slot, 1);
        }
        if ((parsed.tcpFlags() & (TCP_SYN | TCP_ACK)) == TCP_SYN && isTcp(parsed)) {
            counters.add(ServerCounter.SYNS, slot, 1);
        }
        if (whole) {
            counters.frame(ServerCounter.PACKETS, ServerCounter.BYTES, slot, frame.length);
            counters.frame(ServiceCounter.PACKETS, ServiceCounter.BYTES, service, frame.length);
        }
        return List.of(new Egress(server.port(), rewritten(frame, server.mac())));
    }

    /** The switch forwards the frame as its own L2 hop: destination {@code to}, source the switch MAC. */
    private byte[] rewritten(byte[] frame, MacAddress to) {
        byte[] out = frame.clone();
        System.arraycopy(to.bytes(), 0, out, 0, 6);
        System.arraycopy(switchMac.bytes(), 0, out, 6, 6);
        return out;
    }

    /**
     * docs/datapath.md "Passive health": a server's SYN-ACK counts for the lowest slot with its MAC whose service
     * has the VIP it answers from.
     */
    private void countSynAck(int ingressPort, ParsedFrame parsed) {
        if (classifier.uplink(ingressPort) || !isTcp(parsed)
                || (parsed.tcpFlags() & (TCP_SYN | TCP_ACK)) != (TCP_SYN | TCP_ACK)) {
            return;
        }
        Ipv4Address from = parsed.ports().orElseThrow().source();
        for (int slot = 0; slot < hardware.maxServers(); slot++) {
            Optional<ServerEntry> server = servers.get(slot);
            if (server.isPresent() && server.get().mac().equals(parsed.source())
                    && classifier.service(server.get().serviceIndex()) != null
                    && classifier.service(server.get().serviceIndex()).vip().equals(from)) {
                counters.add(ServerCounter.SYN_ACKS, slot, 1);
                return;
            }
        }
    }

    private static boolean isTcp(ParsedFrame parsed) {
        return parsed.ports().map(p -> p.protocol() == Protocol.TCP).orElse(false);
    }

    /** The request goes back out of its port as the switch's reply. */
    private List<Egress> answerArp(int ingressPort, int service, ParsedFrame parsed, byte[] frame) {
        counters.add(ServiceCounter.ARP_REPLIES, service, 1);
        return List.of(new Egress(ingressPort, vipArp.reply(frame, parsed.arp().orElseThrow())));
    }

    private List<Egress> bridged(int ingressPort, ParsedFrame parsed, byte[] frame) {
        OptionalInt downRouter = classifier.uplink(ingressPort) || parsed.destination().equals(switchMac)
                ? OptionalInt.empty() : routers.downSlot(parsed.destination());
        if (downRouter.isPresent()) {
            return failedOver(ingressPort, downRouter.getAsInt(), parsed, frame);
        }
        BridgeDecision decision = bridge.decide(ingressPort, parsed);
        if (decision.drop().isPresent()) {
            return drop(ingressPort, decision.drop().get());
        }
        return sent(ingressPort, parsed, frame, decision.ports());
    }

    /** docs/datapath.md "Router failover": a server's frame for router {@code down}, which is marked down. */
    private List<Egress> failedOver(int ingressPort, int down, ParsedFrame parsed, byte[] frame) {
        OptionalInt live = routers.pick(parsed.ports().map(HashPick::hash).orElse(0));
        if (live.isEmpty()) {
            return drop(ingressPort, DropReason.NO_ROUTER);
        }
        MacAddress to = routers.get(live.getAsInt()).orElseThrow().mac();
        OptionalInt known = macs.lookup(to);
        if (known.isPresent() && known.getAsInt() == ingressPort) {
            return drop(ingressPort, DropReason.FILTERED);
        }
        List<Integer> ports = known.isPresent() ? List.of(known.getAsInt()) : uplinks();
        List<Egress> out = sent(ingressPort, parsed, rewritten(frame, to), ports);
        if (!out.isEmpty()) {
            counters.add(RouterCounter.FAILOVERS, down, 1);
            counters.add(RouterCounter.TAKEOVERS, live.getAsInt(), 1);
        }
        return out;
    }

    /** {@code frame} out on {@code ports}, less the uplinks for a server's ARP about a VIP. */
    private List<Egress> sent(int ingressPort, ParsedFrame parsed, byte[] frame, List<Integer> ports) {
        if (vipArp.keptFromUplinks(ingressPort, parsed)) {
            ports = vipArp.withoutUplinks(ports);
            if (ports.isEmpty()) {
                return drop(ingressPort, DropReason.VIP_ARP);
            }
        }
        List<Egress> out = new ArrayList<>();
        for (int port : ports) {
            out.add(new Egress(port, frame));
        }
        return out;
    }

    private List<Integer> uplinks() {
        List<Integer> ports = new ArrayList<>();
        for (int port = 0; port < hardware.ports(); port++) {
            if (classifier.uplink(port)) {
                ports.add(port);
            }
        }
        return ports;
    }

    private List<Egress> drop(int ingressPort, DropReason reason) {
        counters.count(reason);
        counters.add(PortCounter.DROPS, ingressPort, 1);
        return List.of();
    }

    private ServerEntry server(int slot) {
        checkIndex("server slot", slot, hardware.maxServers());
        return servers.get(slot).orElseThrow(() -> new IllegalArgumentException("server slot " + slot
                + " holds no server; load one with setServer first"));
    }

    private static void checkIndex(String what, int index, int count) {
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException(what + " " + index + " is out of range; this switch has 0.."
                    + (count - 1));
        }
    }
}
