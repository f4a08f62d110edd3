package flowswitch.sim.traffic;

import flowswitch.config.Ipv4Address;
import flowswitch.config.MacAddress;
import flowswitch.config.Protocol;
import flowswitch.config.ServiceConfig;
import flowswitch.config.SwitchConfig;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Realistic, deterministic test traffic for a switch config: client flows through the routers on the uplink
 * ports to every service's VIP, server replies, ARP (also for the VIPs, from routers and servers), non-IP frames,
 * fragments and malformed IPv4, interleaved.
 * Every frame has correct IPv4 and TCP/UDP checksums (but the malformed ones) and ends with its sequence number
 * (see {@link TrafficFrame}); the low 16 bits of it are also the IPv4 identification.
 */
public final class TrafficGenerator {
    private static final int CONCURRENT_STREAMS = 16;
    private static final long MAX_FRAMES = 10_000_000;
    /** Clients come from the benchmarking range 198.18.0.0/15 (RFC 2544). */
    private static final int CLIENT_BASE = Ipv4Address.parse("198.18.0.0").value();
    private static final int CLIENT_ADDRESSES = 1 << 17;
    private static final int EPHEMERAL_FIRST = 32768;
    private static final int EPHEMERAL_COUNT = 60999 - 32768 + 1;
    /** Destination ports for services that take any port, and for traffic with no service to go to. */
    private static final List<Integer> COMMON_PORTS = List.of(80, 443, 8080, 8443, 53, 123);
    /** Ports unlikely to be a service; stray flows go to the first one no service takes. */
    private static final List<Integer> STRAY_PORTS = List.of(7, 9, 13, 37, 4242, 31337);
    /** TEST-NET-3 (RFC 5737): where traffic goes when no VIP fits. */
    private static final int NOWHERE = Ipv4Address.parse("203.0.113.1").value();
    private static final int HTTP = 80;
    private static final int DNS = 53;
    /** Fragment sizes in bytes of IPv4 payload; the first in 8-byte units, and small enough for any headers. */
    private static final int FIRST_FRAGMENT_MIN_UNITS = 8;
    private static final int FIRST_FRAGMENT_MAX_UNITS = (Packet.MAX_FRAME - 18 - 28) / 8;
    private static final int SECOND_FRAGMENT_MIN = 46;
    private static final int SECOND_FRAGMENT_MAX = 1000;
    private static final int ETHERTYPE_LOCAL_EXPERIMENTAL = 0x88B5;
    private static final MacAddress BROADCAST = new MacAddress(0xFFFF_FFFF_FFFFL);
    private static final MacAddress UNKNOWN = new MacAddress(0);

    private final SwitchConfig config;
    private final TrafficOptions options;
    private final TrafficMix mix;
    private final Random random;
    private final Stations stations;
    private final FrameSizes sizes;
    private final FlowPlanner planner;
    private final Set<Long> clients = new HashSet<>();

    private TrafficGenerator(SwitchConfig config, TrafficOptions options) {
        this.config = config;
        this.options = options;
        this.mix = options.mix();
        this.random = new Random(options.seed());
        this.stations = new Stations(config);
        this.sizes = new FrameSizes(random);
        this.planner = new FlowPlanner(config.switchMac(), random, sizes, mix.replyShare());
    }

    /**
     * @throws IllegalArgumentException when the options ask for more than fits in memory, or for ARP exchanges
     *                                  in a config with a single station
     */
    public static List<TrafficFrame> generate(SwitchConfig config, TrafficOptions options) {
        return new TrafficGenerator(config, options).generate();
    }

    private List<TrafficFrame> generate() {
        checkFeasible();
        List<List<Planned>> streams = new ArrayList<>();
        for (int s = 0; s < config.services().size(); s++) {
            for (int i = 0; i < options.flowsPerService(); i++) {
                streams.add(planner.plan(serviceFlow(s, i), options.packetsPerFlow()));
            }
        }
        for (int k = 0; k < mix.strayFlows(); k++) {
            streams.add(planner.plan(strayFlow(k), options.packetsPerFlow()));
        }
        for (int k = 0; k < mix.arpExchanges(); k++) {
            streams.add(arpExchange());
        }
        for (int k = 0; k < mix.vipArps(); k++) {
            streams.add(vipArp(k));
        }
        for (int k = 0; k < mix.nonIpFrames(); k++) {
            streams.add(List.of(nonIpFrame(k)));
        }
        for (int k = 0; k < mix.fragmentedDatagrams(); k++) {
            streams.add(fragments());
        }
        MalformedPacket.Defect[] defects = MalformedPacket.Defect.values();
        for (int k = 0; k < mix.malformedFrames(); k++) {
            streams.add(List.of(malformed(defects[k % defects.length])));
        }
        for (int k = 0; k < mix.lateErrorFrames(); k++) {
            streams.add(List.of(lateError(k % 2 == 0)));
        }
        Collections.shuffle(streams, random);
        // Every station announces itself first, as at link-up, so the bridge knows them all before the flows.
        List<Planned> planned = new ArrayList<>(gratuitousArps());
        planned.addAll(Interleaver.interleave(streams, CONCURRENT_STREAMS, random));
        List<TrafficFrame> frames = new ArrayList<>(planned.size());
        for (Planned p : planned) {
            frames.add(new TrafficFrame(p.ingressPort(), p.packet().build(frames.size()), p.rxError()));
        }
        return frames;
    }

    private void checkFeasible() {
        long flows = (long) config.services().size() * options.flowsPerService() + mix.strayFlows();
        long most = 2 * flows * options.packetsPerFlow() + 2L * mix.arpExchanges() + 2L * mix.vipArps()
                + mix.nonIpFrames() + 2L * mix.fragmentedDatagrams() + mix.malformedFrames() + mix.lateErrorFrames()
                + stations.all().size();
        if (most > MAX_FRAMES) {
            throw new IllegalArgumentException("these options make up to " + most + " frames, more than the "
                    + MAX_FRAMES + " one run can hold; lower flowsPerService or packetsPerFlow");
        }
        if (mix.arpExchanges() > 0 && stations.all().size() < 2) {
            throw new IllegalArgumentException("ARP exchanges need two stations, but this config has one router"
                    + " and no servers; set arpExchanges to 0 or add a server");
        }
        if (mix.vipArps() > 0 && servicesWithServers().isEmpty()) {
            throw new IllegalArgumentException("ARP about the VIPs needs a service with a server, and this config has"
                    + " none; set vipArps to 0 or add a server to a service");
        }
    }

    private Flow serviceFlow(int serviceIndex, int flowIndex) {
        ServiceConfig service = config.services().get(serviceIndex);
        List<Stations.Host> servers = stations.serversOf(serviceIndex);
        Optional<Stations.Host> replier = servers.isEmpty() ? Optional.empty()
                : Optional.of(servers.get(flowIndex % servers.size()));
        int port = service.port() != 0 ? service.port() : pick(COMMON_PORTS);
        return flow(service.vip(), service.protocol(), port, replier);
    }

    /** A flow that no service matches: a VIP with a port (or protocol) no service of it takes. */
    private Flow strayFlow(int k) {
        Protocol preferred = k % 2 == 0 ? Protocol.TCP : Protocol.UDP;
        List<ServiceConfig> services = config.services();
        if (!services.isEmpty()) {
            Ipv4Address vip = services.get(k % services.size()).vip();
            for (Protocol protocol : List.of(preferred, preferred == Protocol.TCP ? Protocol.UDP : Protocol.TCP)) {
                for (int port : STRAY_PORTS) {
                    if (!served(vip, protocol, port)) {
                        return flow(vip, protocol, port, Optional.empty());
                    }
                }
            }
        }
        return flow(notAVip(), preferred, STRAY_PORTS.get(0), Optional.empty());
    }

    private boolean served(Ipv4Address vip, Protocol protocol, int port) {
        return config.services().stream().anyMatch(s -> s.vip().equals(vip) && s.protocol() == protocol
                && (s.port() == 0 || s.port() == port));
    }

    private Ipv4Address notAVip() {
        int address = NOWHERE;
        while (isVip(address)) {
            address++;
        }
        return new Ipv4Address(address);
    }

    private boolean isVip(int address) {
        return config.services().stream().anyMatch(s -> s.vip().value() == address);
    }

    private Flow flow(Ipv4Address vip, Protocol protocol, int port, Optional<Stations.Host> replier) {
        Stations.Host router = pick(stations.routers());
        long client;
        do {
            client = (long) (CLIENT_BASE + random.nextInt(CLIENT_ADDRESSES)) << 16
                    | EPHEMERAL_FIRST + random.nextInt(EPHEMERAL_COUNT);
        } while (!clients.add(client));
        return new Flow(router, new Ipv4Address((int) (client >>> 16)), (int) (client & 0xFFFF), vip, protocol, port,
                replier, vlan(), ipOptions());
    }

    private List<Planned> gratuitousArps() {
        List<Planned> out = new ArrayList<>();
        for (Stations.Host host : stations.all()) {
            out.add(new Planned(host.port(), new ArpPacket(new Link(BROADCAST, host.mac(), OptionalInt.empty()),
                    ArpPacket.Operation.REQUEST, host.mac(), host.ip(), UNKNOWN, host.ip())));
        }
        return out;
    }

    /** One station asks for another's address (broadcast); the other answers (unicast). */
    private List<Planned> arpExchange() {
        List<Stations.Host> hosts = stations.all();
        Stations.Host asker = pick(hosts);
        Stations.Host target = other(hosts, asker);
        OptionalInt vlan = vlan();
        return List.of(
                new Planned(asker.port(), new ArpPacket(new Link(BROADCAST, asker.mac(), vlan),
                        ArpPacket.Operation.REQUEST, asker.mac(), asker.ip(), UNKNOWN, target.ip())),
                new Planned(target.port(), new ArpPacket(new Link(asker.mac(), target.mac(), vlan),
                        ArpPacket.Operation.REPLY, target.mac(), target.ip(), asker.mac(), asker.ip())));
    }

    /**
     * A router asks for a VIP, which the switch answers: by broadcast, or every third time by unicast to the switch as
     * a neighbour refreshing its entry. Then a server of that VIP speaks about it, which the switch keeps from the
     * uplinks: a gratuitous ARP (broadcast) or a reply to the router. Every other pair is tagged.
     */
    private List<Planned> vipArp(int k) {
        List<Integer> services = servicesWithServers();
        int service = services.get(k % services.size());
        Ipv4Address vip = config.services().get(service).vip();
        Stations.Host router = pick(stations.routers());
        Stations.Host server = pick(stations.serversOf(service));
        OptionalInt vlan = k % 2 == 0 ? OptionalInt.empty() : OptionalInt.of(1 + random.nextInt(4094));
        MacAddress asked = k % 3 == 2 ? config.switchMac() : BROADCAST;
        ArpPacket serverArp = k / 2 % 2 == 0
                ? new ArpPacket(new Link(BROADCAST, server.mac(), vlan), ArpPacket.Operation.REQUEST, server.mac(),
                        vip, UNKNOWN, vip)
                : new ArpPacket(new Link(router.mac(), server.mac(), vlan), ArpPacket.Operation.REPLY, server.mac(),
                        vip, router.mac(), router.ip());
        return List.of(
                new Planned(router.port(), new ArpPacket(new Link(asked, router.mac(), vlan),
                        ArpPacket.Operation.REQUEST, router.mac(), router.ip(), UNKNOWN, vip)),
                new Planned(server.port(), serverArp));
    }

    /** Indices of the services that have a server, which can speak about the service's VIP. */
    private List<Integer> servicesWithServers() {
        return IntStream.range(0, config.services().size()).filter(s -> !stations.serversOf(s).isEmpty()).boxed()
                .toList();
    }

    /** Every fourth is a broadcast; the rest go to another station. */
    private Planned nonIpFrame(int k) {
        List<Stations.Host> hosts = stations.all();
        Stations.Host source = pick(hosts);
        MacAddress destination = k % 4 == 0 || hosts.size() < 2 ? BROADCAST : other(hosts, source).mac();
        return new Planned(source.port(), new RawPacket(new Link(destination, source.mac(), vlan()),
                ETHERTYPE_LOCAL_EXPERIMENTAL, sizes.next()));
    }

    /** A UDP datagram to a VIP in two fragments: the first a multiple of 8 bytes, as fragmentation requires. */
    private List<Planned> fragments() {
        Optional<ServiceConfig> udp = config.services().stream().filter(s -> s.protocol() == Protocol.UDP)
                .findFirst().or(() -> config.services().stream().findFirst());
        Ipv4Address vip = udp.map(ServiceConfig::vip).orElseGet(this::notAVip);
        Flow flow = flow(vip, Protocol.UDP, udp.map(ServiceConfig::port).filter(p -> p != 0).orElse(DNS),
                Optional.empty());
        Link link = flow.toSwitch(config.switchMac());
        Ip ip = flow.clientIp();
        int firstUnits = FIRST_FRAGMENT_MIN_UNITS
                + random.nextInt(FIRST_FRAGMENT_MAX_UNITS - FIRST_FRAGMENT_MIN_UNITS + 1);
        int second = SECOND_FRAGMENT_MIN + random.nextInt(SECOND_FRAGMENT_MAX - SECOND_FRAGMENT_MIN + 1);
        int datagram = firstUnits * 8 + second;
        int port = flow.servicePort();
        return List.of(
                new Planned(flow.router().port(), new FragmentPacket(link, ip, flow.clientPort(), port, 0, false,
                        firstUnits * 8, datagram)),
                new Planned(flow.router().port(), new FragmentPacket(link, ip, flow.clientPort(), port, firstUnits,
                        true, second, datagram)));
    }

    private Planned malformed(MalformedPacket.Defect defect) {
        Planned syn = synToFirstService(0, false);
        return new Planned(syn.ingressPort(), new MalformedPacket((TcpPacket) syn.packet(), defect));
    }

    /**
     * A SYN to the first service with a late error: marked bad by the MAC ({@code rxError}), or carrying a payload
     * that takes it past max_frame_bytes. Either way its header shows nothing wrong.
     */
    private Planned lateError(boolean rxError) {
        return synToFirstService(rxError ? 0 : config.hardware().maxFrameBytes(), rxError);
    }

    /** A SYN from a new client to the first service (or to an address no service has), with this much payload. */
    private Planned synToFirstService(int payload, boolean rxError) {
        Optional<ServiceConfig> target = config.services().stream().findFirst();
        Ipv4Address vip = target.map(ServiceConfig::vip).orElseGet(this::notAVip);
        int port = target.map(ServiceConfig::port).filter(p -> p != 0).orElse(HTTP);
        Flow flow = flow(vip, Protocol.TCP, port, Optional.empty());
        TcpHeader syn = new TcpHeader(flow.clientPort(), port, random.nextInt(), 0, TcpHeader.SYN);
        return new Planned(flow.router().port(), new TcpPacket(flow.toSwitch(config.switchMac()), flow.clientIp(), syn,
                payload), rxError);
    }

    private OptionalInt vlan() {
        return random.nextDouble() < mix.vlanShare() ? OptionalInt.of(1 + random.nextInt(4094)) : OptionalInt.empty();
    }

    private IpOptions ipOptions() {
        return random.nextDouble() < mix.ipOptionsShare()
                ? (random.nextBoolean() ? IpOptions.ROUTER_ALERT : IpOptions.NOP_PADDING) : IpOptions.NONE;
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private <T> T other(List<T> from, T not) {
        T chosen;
        do {
            chosen = pick(from);
        } while (chosen.equals(not));
        return chosen;
    }
}
