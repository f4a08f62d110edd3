package flowswitch.sim.traffic;

import flowswitch.config.PortRole;
import flowswitch.config.ServerSlot;
import flowswitch.config.ServiceConfig;
import flowswitch.config.SwitchConfig;
import flowswitch.sim.golden.ArpMessage;
import flowswitch.sim.golden.Counters;
import flowswitch.sim.golden.DropReason;
import flowswitch.sim.golden.Egress;
import flowswitch.sim.golden.FlowCounter;
import flowswitch.sim.golden.FrameParser;
import flowswitch.sim.golden.GoldenModel;
import flowswitch.sim.golden.ParsedFrame;
import flowswitch.sim.golden.ServiceCounter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrafficGeneratorTest {
    private static final int SYN = 0x02;
    private static final int FIN_ACK = 0x11;
    private static final int ACK = 0x10;
    private static final int PSH_ACK = 0x18;
    private static final int SYN_ACK = 0x12;

    private final SwitchConfig config = TrafficTestConfig.config();
    /** Without late errors, which the switch aborts: {@link #lateErrorFramesAreGoodSynsThatGoBadAtTheirEnd} has them. */
    private final TrafficOptions options = TrafficOptions.defaults()
            .withMix(TrafficOptions.defaults().mix().withLateErrorFrames(0));
    private final List<TrafficFrame> frames = TrafficGenerator.generate(config, options);

    @Test
    void theSameSeedGivesTheSameTrafficAndAnotherSeedOther() {
        assertEquals(frames, TrafficGenerator.generate(config, options));
        assertNotEquals(frames, TrafficGenerator.generate(config, options.withSeed(2)));
    }

    @Test
    void eachFrameEndsWithItsIndexAndCarriesItInTheIpId() {
        for (int i = 0; i < frames.size(); i++) {
            TrafficFrame frame = frames.get(i);
            assertEquals(i, frame.sequence());
            Wire wire = new Wire(frame.frame());
            if (wire.ipv4()) {
                assertEquals(i & 0xFFFF, wire.identification(), frame::toString);
            }
        }
    }

    @Test
    void lateErrorFramesAreGoodSynsThatGoBadAtTheirEnd() {
        int late = 6;
        List<TrafficFrame> mixed = TrafficGenerator.generate(config,
                options.withMix(options.mix().withLateErrorFrames(late)));
        FrameParser parser = new FrameParser(config.hardware().maxFrameBytes(), config.hardware().bytesPerBeat());
        List<TrafficFrame> bad = mixed.stream().filter(TrafficFrame::rxError).toList();
        List<TrafficFrame> oversize = mixed.stream().filter(f -> f.frame().length > config.hardware().maxFrameBytes()).toList();
        assertEquals(late / 2, bad.size());
        assertEquals(late / 2, oversize.size());
        for (TrafficFrame f : java.util.stream.Stream.concat(bad.stream(), oversize.stream()).toList()) {
            FrameParser.Decided decided = parser.decide(f.frame(), f.rxError());
            assertTrue(decided.result() instanceof ParsedFrame p && p.ports().isPresent(), f::toString);
            assertTrue(decided.lateError().isPresent(), f::toString);
        }
    }

    @Test
    void framesSpanTheEthernetSizesIncludingTheEdges() {
        Set<Integer> lengths = new HashSet<>();
        frames.forEach(f -> lengths.add(f.frame().length));
        assertTrue(lengths.stream().allMatch(l -> l >= 60 && l <= 1518), lengths::toString);
        assertTrue(lengths.containsAll(List.of(60, 64, 1518)), lengths::toString);
        assertTrue(lengths.size() > 100, "spread: " + lengths.size() + " distinct lengths");
    }

    @Test
    void checksumsAreCorrectExceptInTheMalformedFrames() {
        FrameParser parser = new FrameParser(config.hardware().maxFrameBytes(), config.hardware().bytesPerBeat());
        int malformed = 0;
        for (TrafficFrame frame : frames) {
            Wire wire = new Wire(frame.frame());
            if (!(parser.parse(frame.frame(), false) instanceof ParsedFrame parsed)) {
                malformed++;
                continue;
            }
            if (wire.ipv4()) {
                assertTrue(wire.ipHeaderChecksumOk(), frame::toString);
                if (parsed.ports().isPresent()) {
                    assertTrue(wire.l4ChecksumOk(), frame::toString);
                }
            }
        }
        assertEquals(options.mix().malformedFrames(), malformed);
    }

    @Test
    void theMixHasEveryKindOfFrameAskedFor() {
        TrafficMix mix = options.mix();
        int stations = 2 + config.serverSlots().size();
        assertEquals(stations + 2L * (mix.arpExchanges() + mix.vipArps()), count(w -> w.etherType() == 0x0806));
        assertEquals(mix.nonIpFrames(), count(w -> w.etherType() == 0x88B5));
        assertEquals(2L * mix.fragmentedDatagrams(), count(w -> w.ipv4() && w.fragment()));
        assertTrue(count(w -> w.vlan().isPresent()) > 0);
        assertTrue(count(w -> w.ipv4() && w.ihl() > 5) > 0);
        assertTrue(count(w -> w.ipv4() && w.protocol() == 17) > 0);
        assertTrue(count(w -> w.ipv4() && w.protocol() == 6) > 0);
    }

    @Test
    void everyServiceGetsItsFlowsWithTheirPacketsAndTcpFlagsInOrder() {
        Map<List<Integer>, List<Wire>> flows = clientFlows(frames);
        Map<Integer, Integer> flowsPerService = new LinkedHashMap<>();
        int stray = 0;
        for (List<Wire> flow : flows.values()) {
            if (flow.get(0).fragment()) {
                continue;
            }
            assertEquals(options.packetsPerFlow(), flow.size());
            Optional<Integer> service = serviceOf(flow.get(0));
            if (service.isEmpty()) {
                stray++;
            } else {
                flowsPerService.merge(service.get(), 1, Integer::sum);
            }
            if (flow.get(0).protocol() == 6) {
                assertEquals(List.of(SYN, ACK, PSH_ACK, PSH_ACK, PSH_ACK, FIN_ACK),
                        flow.stream().map(Wire::tcpFlags).toList());
                assertSequenceNumbersAddUp(flow);
            }
        }
        assertEquals(Map.of(0, 32, 1, 32, 2, 32), flowsPerService);
        assertEquals(options.mix().strayFlows(), stray);
    }

    @Test
    void packetsPerFlowShapesTheTcpConversation() {
        Map<Integer, List<Integer>> expected = Map.of(1, List.of(SYN), 2, List.of(SYN, FIN_ACK),
                3, List.of(SYN, PSH_ACK, FIN_ACK), 4, List.of(SYN, ACK, PSH_ACK, FIN_ACK));
        expected.forEach((packets, flags) -> {
            TrafficOptions few = new TrafficOptions(5, 1, packets, TrafficMix.flowsOnly());
            for (List<Wire> flow : clientFlows(TrafficGenerator.generate(config, few)).values()) {
                if (flow.get(0).protocol() == 6) {
                    assertEquals(flags, flow.stream().map(Wire::tcpFlags).toList(), "packets per flow " + packets);
                }
            }
        });
    }

    @Test
    void serverRepliesComeFromServerPortsAndGoToRouters() {
        Set<Long> routers = new HashSet<>();
        frames.stream().filter(f -> isUplink(f.ingressPort()))
                .forEach(f -> routers.add(new Wire(f.frame()).sourceMac()));
        Map<Long, Integer> serverPorts = new LinkedHashMap<>();
        for (ServerSlot slot : config.serverSlots()) {
            serverPorts.put(slot.server().mac().value(), slot.server().port());
        }
        int replies = 0;
        for (TrafficFrame frame : frames) {
            Wire wire = new Wire(frame.frame());
            if (isUplink(frame.ingressPort()) || !wire.ipv4()) {
                continue;
            }
            replies++;
            assertEquals(frame.ingressPort(), serverPorts.get(wire.sourceMac()), frame::toString);
            assertTrue(routers.contains(wire.destinationMac()), frame::toString);
            assertTrue(config.services().stream().anyMatch(s -> s.vip().value() == wire.sourceIp()));
            if (wire.protocol() == 6 && wire.tcpFlags() == SYN_ACK) {
                assertEquals(0, wire.l4Payload());
            }
        }
        assertTrue(replies > 100, "replies: " + replies);
    }

    @Test
    void theGoldenSwitchBalancesBridgesAndDropsItAsDesigned() {
        GoldenModel model = new GoldenModel(config);
        Set<Integer> uplinks = new HashSet<>();
        config.ports().stream().filter(p -> p.role() == PortRole.UPLINK).forEach(p -> uplinks.add(p.index()));
        FrameParser parser = new FrameParser(config.hardware().maxFrameBytes(), config.hardware().bytesPerBeat());
        long serviceFrames = 0;
        long strayFrames = 0;
        for (TrafficFrame frame : frames) {
            Wire wire = new Wire(frame.frame());
            List<Egress> out = model.process(frame.ingressPort(), frame.frame(), false);
            if (!uplinks.contains(frame.ingressPort()) && wire.ipv4()) {
                assertEquals(1, out.size(), "a reply is unicast to its router: " + frame);
                assertTrue(uplinks.contains(out.get(0).port()));
            }
            if (uplinks.contains(frame.ingressPort())
                    && parser.parse(frame.frame(), false) instanceof ParsedFrame parsed && parsed.ports().isPresent()) {
                if (serviceOf(wire).isPresent()) {
                    serviceFrames++;
                } else {
                    strayFrames++;
                }
            }
        }
        Counters counters = model.counters();
        TrafficMix mix = options.mix();
        long balanced = IntStream.range(0, 3).mapToLong(s -> counters.service(s, ServiceCounter.PACKETS)).sum();
        assertEquals(3L * options.flowsPerService() * options.packetsPerFlow(), serviceFrames);
        assertEquals(serviceFrames, balanced);
        // A truncated SYN decided on its header, before its end shows the truncation, opens its connection all the same.
        long decidedEarly = frames.stream().filter(f -> parser.decide(f.frame(), f.rxError()).lateError().isPresent()).count();
        assertTrue(decidedEarly > 0, "a truncated SYN long enough to be decided early");
        assertEquals(3L * options.flowsPerService() + decidedEarly, counters.flow(FlowCounter.INSERTS));
        assertEquals(mix.malformedFrames(), counters.drop(DropReason.PARSE_ERROR));
        assertEquals(strayFrames + 2L * mix.fragmentedDatagrams(), counters.drop(DropReason.NO_SERVICE));
        assertEquals(0, counters.drop(DropReason.NO_SERVER) + counters.drop(DropReason.OVERSIZE));
    }

    @Test
    void routersAskForTheVipsAndServersSpeakAboutThemWhichTheSwitchAnswersOrKeepsIn() {
        GoldenModel model = new GoldenModel(config);
        FrameParser parser = new FrameParser(config.hardware().maxFrameBytes(), config.hardware().bytesPerBeat());
        Set<Integer> vips = new HashSet<>();
        config.services().forEach(s -> vips.add(s.vip().value()));
        int asked = 0;
        int tagged = 0;
        int spokenAbout = 0;
        for (TrafficFrame frame : frames) {
            List<Egress> out = model.process(frame.ingressPort(), frame.frame(), false);
            Optional<ArpMessage> arp = parser.parse(frame.frame(), false) instanceof ParsedFrame p
                    ? p.arp() : Optional.empty();
            if (arp.isEmpty()) {
                continue;
            }
            boolean forVip = vips.contains(arp.get().targetIp().value());
            boolean aboutVip = forVip || vips.contains(arp.get().senderIp().value());
            if (isUplink(frame.ingressPort()) && arp.get().isRequest() && forVip) {
                asked++;
                tagged += new Wire(frame.frame()).vlan().isPresent() ? 1 : 0;
                assertEquals(List.of(frame.ingressPort()), out.stream().map(Egress::port).toList(), frame::toString);
                ArpMessage reply = ((ParsedFrame) parser.parse(out.get(0).frame(), false)).arp().orElseThrow();
                assertEquals(arp.get().targetIp(), reply.senderIp());
                assertEquals(config.switchMac(), reply.senderMac());
            } else if (!isUplink(frame.ingressPort()) && aboutVip) {
                spokenAbout++;
                assertTrue(out.stream().noneMatch(e -> isUplink(e.port())), frame::toString);
            }
        }
        TrafficMix mix = options.mix();
        assertEquals(mix.vipArps(), asked);
        assertEquals(mix.vipArps(), spokenAbout);
        assertEquals(mix.vipArps() / 2, tagged);
        long answered = IntStream.range(0, config.services().size())
                .mapToLong(s -> model.counters().service(s, ServiceCounter.ARP_REPLIES)).sum();
        assertEquals(mix.vipArps(), answered);
        assertTrue(model.counters().drop(DropReason.VIP_ARP) > 0, "a server's reply to a router was kept in");
    }

    @Test
    void aFlowsOnlyMixHasNothingButAnnouncementsAndClientFlows() {
        TrafficOptions plain = new TrafficOptions(3, 4, 3, TrafficMix.flowsOnly());
        List<TrafficFrame> traffic = TrafficGenerator.generate(config, plain);
        int stations = 2 + config.serverSlots().size();
        assertEquals(stations + 3 * 4 * 3, traffic.size());
        for (TrafficFrame frame : traffic.subList(stations, traffic.size())) {
            Wire wire = new Wire(frame.frame());
            assertTrue(isUplink(frame.ingressPort()));
            assertTrue(wire.ipv4() && wire.ihl() == 5 && wire.vlan().isEmpty() && !wire.fragment());
        }
    }

    @Test
    void refusesOptionsThatMakeNoSense() {
        assertThrows(IllegalArgumentException.class, () -> TrafficMix.defaults().withVlanShare(1.5));
        assertThrows(IllegalArgumentException.class, () -> TrafficMix.defaults().withReplyShare(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> TrafficMix.defaults().withNonIpFrames(-1));
        assertThrows(IllegalArgumentException.class, () -> TrafficMix.defaults().withVipArps(-1));
        assertThrows(IllegalArgumentException.class, () -> options.withPacketsPerFlow(0));
        assertThrows(IllegalArgumentException.class, () -> options.withFlowsPerService(-1));
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> TrafficGenerator.generate(config, options.withFlowsPerService(1_000_000).withPacketsPerFlow(10)));
        assertTrue(tooMany.getMessage().contains("lower flowsPerService or packetsPerFlow"), tooMany.getMessage());
    }

    private long count(Predicate<Wire> test) {
        return frames.stream().map(f -> new Wire(f.frame())).filter(test).count();
    }

    private boolean isUplink(int port) {
        return config.ports().get(port).role() == PortRole.UPLINK;
    }

    /** Client frames (uplink, IPv4 with ports or fragments) grouped by 5-tuple, in order. */
    private Map<List<Integer>, List<Wire>> clientFlows(List<TrafficFrame> traffic) {
        FrameParser parser = new FrameParser(config.hardware().maxFrameBytes(), config.hardware().bytesPerBeat());
        Map<List<Integer>, List<Wire>> flows = new LinkedHashMap<>();
        for (TrafficFrame frame : traffic) {
            Wire wire = new Wire(frame.frame());
            boolean parses = parser.parse(frame.frame(), false) instanceof ParsedFrame;
            if (isUplink(frame.ingressPort()) && wire.ipv4() && parses) {
                List<Integer> key = wire.fragment()
                        ? List.of(wire.sourceIp(), wire.identification())
                        : List.of(wire.sourceIp(), wire.sourcePort(), wire.destinationIp(), wire.destinationPort(),
                        wire.protocol());
                flows.computeIfAbsent(key, k -> new ArrayList<>()).add(wire);
            }
        }
        return flows;
    }

    /** The service a client frame is for, by the rule of docs/datapath.md (lowest matching service). */
    private Optional<Integer> serviceOf(Wire wire) {
        for (int s = 0; s < config.services().size(); s++) {
            ServiceConfig service = config.services().get(s);
            if (service.vip().value() == wire.destinationIp() && service.protocol().number() == wire.protocol()
                    && (service.port() == 0 || service.port() == wire.destinationPort())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private static void assertSequenceNumbersAddUp(List<Wire> flow) {
        for (int i = 1; i < flow.size(); i++) {
            Wire before = flow.get(i - 1);
            int space = before.l4Payload() + ((before.tcpFlags() & 0x03) != 0 ? 1 : 0);
            assertEquals(before.tcpSequence() + space, flow.get(i).tcpSequence());
        }
    }
}
