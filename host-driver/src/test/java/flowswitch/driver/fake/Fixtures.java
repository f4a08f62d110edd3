package flowswitch.driver.fake;

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
import flowswitch.driver.regmap.RegisterMap;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** The test register map (2 ports, 4 servers, 2 services) and a config that fits it. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path regmapFile() {
        try {
            return Path.of(Fixtures.class.getResource("/regmap.json").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RegisterMap regmap() {
        return RegisterMap.load(regmapFile());
    }

    /** Port 0 uplink, port 1 servers; "web" (tcp/80, wrr, two servers) and "dns" (udp/53, rr, one server). */
    public static SwitchConfig config() {
        return new SwitchConfig(regmap().hardware(), MacAddress.parse("02:00:00:00:00:fe"),
                List.of(new PortConfig(0, PortRole.UPLINK), new PortConfig(1, PortRole.SERVER)),
                List.of(new ServiceConfig("web", Ipv4Address.parse("192.0.2.10"), Protocol.TCP, 80, Scheduler.WRR,
                                List.of(server("web-1", "02:00:00:00:01:01", 3),
                                        server("web-2", "02:00:00:00:01:02", 1))),
                        new ServiceConfig("dns", Ipv4Address.parse("192.0.2.53"), Protocol.UDP, 53, Scheduler.RR,
                                List.of(server("dns-1", "02:00:00:00:02:01", 1)))));
    }

    public static ServerConfig server(String name, String mac, int weight) {
        return new ServerConfig(name, MacAddress.parse(mac), 1, weight, ServerState.UP);
    }
}
