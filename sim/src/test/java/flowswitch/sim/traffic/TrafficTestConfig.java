package flowswitch.sim.traffic;

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

/** Ports 0-1 uplink, 2-3 servers; a TCP web service, a UDP dns service and a TCP any-port service. */
final class TrafficTestConfig {
    static final Ipv4Address WEB_VIP = Ipv4Address.parse("192.0.2.10");
    static final Ipv4Address ANY_VIP = Ipv4Address.parse("192.0.2.20");

    private TrafficTestConfig() {
    }

    static SwitchConfig config() {
        return new SwitchConfig(HardwareParams.defaults().withFlowTableSize(1024),
                MacAddress.parse("02:00:00:00:00:01"),
                List.of(new PortConfig(0, PortRole.UPLINK), new PortConfig(1, PortRole.UPLINK),
                        new PortConfig(2, PortRole.SERVER), new PortConfig(3, PortRole.SERVER)),
                List.of(new ServiceConfig("web", WEB_VIP, Protocol.TCP, 80, Scheduler.WRR, List.of(
                                server("a", "02:00:00:00:0a:01", 2), server("b", "02:00:00:00:0a:02", 3),
                                server("c", "02:00:00:00:0a:03", 2))),
                        new ServiceConfig("dns", WEB_VIP, Protocol.UDP, 53, Scheduler.RR, List.of(
                                server("d", "02:00:00:00:0b:01", 3))),
                        new ServiceConfig("any", ANY_VIP, Protocol.TCP, 0, Scheduler.RR, List.of(
                                server("e", "02:00:00:00:0c:01", 2)))));
    }

    private static ServerConfig server(String name, String mac, int port) {
        return new ServerConfig(name, MacAddress.parse(mac), port, 1, ServerState.UP);
    }
}
