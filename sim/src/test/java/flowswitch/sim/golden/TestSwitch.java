package flowswitch.sim.golden;

import flowswitch.config.HardwareParams;
import flowswitch.config.Ipv4Address;
import flowswitch.config.MacAddress;
import flowswitch.config.PortConfig;
import flowswitch.config.PortRole;
import flowswitch.config.Protocol;
import flowswitch.config.Scheduler;
import flowswitch.config.ServerConfig;
import flowswitch.config.ServerState;
import flowswitch.config.ServiceConfig;
import flowswitch.config.SwitchConfig;

import java.util.List;

/**
 * The switch the golden-model tests run: ports 0-1 uplink, 2-3 servers.
 * <pre>
 * service 0 web  192.0.2.10 tcp 80  wrr: slot 0 a (port 2, w3), slot 1 b (port 3, w1), slot 2 c (port 2, w2)
 * service 1 dns  192.0.2.10 udp 53  rr : slot 3 d (port 3)
 * service 2 any  192.0.2.20 tcp any rr : slot 4 e (port 2, w5), slot 5 f (port 3, w1)
 * service 3 tls  192.0.2.20 tcp 443 rr : slot 6 g (port 3)
 * </pre>
 */
final class TestSwitch {
    static final MacAddress SWITCH = MacAddress.parse("02:00:00:00:00:01");
    static final MacAddress R1 = MacAddress.parse("02:00:00:00:01:01");
    static final MacAddress R2 = MacAddress.parse("02:00:00:00:01:02");
    static final MacAddress A = MacAddress.parse("02:00:00:00:0a:01");
    static final MacAddress B = MacAddress.parse("02:00:00:00:0a:02");
    static final MacAddress C = MacAddress.parse("02:00:00:00:0a:03");
    static final MacAddress D = MacAddress.parse("02:00:00:00:0b:01");
    static final MacAddress E = MacAddress.parse("02:00:00:00:0c:01");
    static final MacAddress F = MacAddress.parse("02:00:00:00:0c:02");
    static final MacAddress G = MacAddress.parse("02:00:00:00:0d:01");
    static final MacAddress BROADCAST = MacAddress.parse("ff:ff:ff:ff:ff:ff");
    static final int SLOT_A = 0;
    static final int SLOT_B = 1;
    static final int SLOT_C = 2;
    static final int SLOT_D = 3;
    static final int SLOT_E = 4;
    static final int SLOT_F = 5;
    static final int SLOT_G = 6;
    static final String VIP1 = "192.0.2.10";
    static final String VIP2 = "192.0.2.20";

    private TestSwitch() {
    }

    static SwitchConfig config(HardwareParams hardware) {
        List<PortConfig> ports = List.of(new PortConfig(0, PortRole.UPLINK), new PortConfig(1, PortRole.UPLINK),
                new PortConfig(2, PortRole.SERVER), new PortConfig(3, PortRole.SERVER));
        List<ServiceConfig> services = List.of(
                new ServiceConfig("web", Ipv4Address.parse(VIP1), Protocol.TCP, 80, Scheduler.WRR, List.of(
                        server("a", A, 2, 3), server("b", B, 3, 1), server("c", C, 2, 2))),
                new ServiceConfig("dns", Ipv4Address.parse(VIP1), Protocol.UDP, 53, Scheduler.RR, List.of(
                        server("d", D, 3, 1))),
                new ServiceConfig("any", Ipv4Address.parse(VIP2), Protocol.TCP, 0, Scheduler.RR, List.of(
                        server("e", E, 2, 5), server("f", F, 3, 1))),
                new ServiceConfig("tls", Ipv4Address.parse(VIP2), Protocol.TCP, 443, Scheduler.RR, List.of(
                        server("g", G, 3, 1))));
        return new SwitchConfig(hardware, SWITCH, ports, services);
    }

    static GoldenModel model() {
        return new GoldenModel(config(HardwareParams.defaults()));
    }

    /** Client {@code client} (10.0.0.x) to the web service through router R1, source port {@code srcPort}. */
    static byte[] web(int client, int srcPort) {
        return Frames.ipv4(SWITCH, R1, Frames.TCP, "10.0.0." + client, VIP1, srcPort, 80);
    }

    private static ServerConfig server(String name, MacAddress mac, int port, int weight) {
        return new ServerConfig(name, mac, port, weight, ServerState.UP);
    }
}
