package flowswitch.sim.golden;

import flowswitch.config.HardwareParams;
import flowswitch.config.MacAddress;
import flowswitch.config.ServerSlot;
import flowswitch.config.ServerState;
import flowswitch.config.SwitchConfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The switch of docs/datapath.md in plain Java, one frame at a time in decision order. A test feeds it the frames
 * it feeds the RTL and compares what leaves, and the counters, with what the hardware did.
 */
public final class GoldenModel {
    private final HardwareParams hardware;
    private final MacAddress switchMac;
    private final FrameParser parser;
    private final ServiceClassifier classifier;
    private final ServerTable servers;
    private final FlowTable flows;
    private final LoadBalancer balancer;
    private final MacTable macs;
    private final Bridge bridge;
    private final VipArp vipArp;
    private final CounterBank counters;

    /** A switch just reset and loaded with {@code config}, as the host driver loads it. */
    public GoldenModel(SwitchConfig config) {
        this.hardware = config.hardware();
        this.switchMac = config.switchMac();
        this.parser = new FrameParser(hardware.maxFrameBytes(), hardware.bytesPerBeat());
        this.classifier = new ServiceClassifier(config.uplinkMask(), hardware.maxServices());
        this.servers = new ServerTable(hardware.maxServers());
        this.flows = new FlowTable(hardware.flowTableSize());
        this.balancer = new LoadBalancer(flows, servers, new WeightedRoundRobin(hardware.maxServices()));
        this.macs = new MacTable(hardware.macTableSize());
        this.bridge = new Bridge(macs, switchMac, hardware.ports());
        this.vipArp = new VipArp(classifier, switchMac);
        this.counters = new CounterBank(hardware);
        for (int s = 0; s < config.services().size(); s++) {
            classifier.set(s, Optional.of(ServiceEntry.of(config.services().get(s))));
        }
        for (ServerSlot slot : config.serverSlots()) {
            servers.set(slot.index(), Optional.of(ServerEntry.of(slot)));
        }
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
        Assignment assignment = balancer.assign(service, entry.scheduler(), parsed.ports().orElseThrow(),
                parsed.opensConnection());
        for (FlowCounter counter : assignment.outcome().counters()) {
            counters.count(counter);
        }
        if (assignment.server().isEmpty()) {
            return drop(ingressPort, DropReason.NO_SERVER);
        }
        int slot = assignment.server().getAsInt();
        ServerEntry server = servers.get(slot).orElseThrow();
        if (assignment.outcome().newFlow()) {
            counters.add(ServerCounter.NEW_FLOWS, slot, 1);
        }
        if (whole) {
            counters.frame(ServerCounter.PACKETS, ServerCounter.BYTES, slot, frame.length);
            counters.frame(ServiceCounter.PACKETS, ServiceCounter.BYTES, service, frame.length);
        }
        byte[] rewritten = frame.clone();
        System.arraycopy(server.mac().bytes(), 0, rewritten, 0, 6);
        System.arraycopy(switchMac.bytes(), 0, rewritten, 6, 6);
        return List.of(new Egress(server.port(), rewritten));
    }

    /** The request goes back out of its port as the switch's reply. */
    private List<Egress> answerArp(int ingressPort, int service, ParsedFrame parsed, byte[] frame) {
        counters.add(ServiceCounter.ARP_REPLIES, service, 1);
        return List.of(new Egress(ingressPort, vipArp.reply(frame, parsed.arp().orElseThrow())));
    }

    private List<Egress> bridged(int ingressPort, ParsedFrame parsed, byte[] frame) {
        BridgeDecision decision = bridge.decide(ingressPort, parsed);
        if (decision.drop().isPresent()) {
            return drop(ingressPort, decision.drop().get());
        }
        List<Integer> ports = decision.ports();
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
