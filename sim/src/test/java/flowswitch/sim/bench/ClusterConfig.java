package flowswitch.sim.bench;

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
import java.util.ArrayList;
import java.util.List;

/**
 * A full 256-server build as an operator would load it: 8 sites, each a VIP with an HTTP and an HTTPS service over
 * the same 16 real servers (as {@code ipvsadm -A} on ports 80 and 443 with the same {@code -a} lines), so 16
 * services of 16 servers fill both the service and the server table. The servers sit behind access switches on the
 * three server ports of a 4-port 1G board; the newer half of each site has twice the weight.
 */
final class ClusterConfig {
    private static final int SITES = 8;
    private static final int SERVERS_PER_SITE = 16;
    private static final HardwareParams HARDWARE = HardwareParams.defaults().withMaxServers(256).withMaxServices(16)
            .withFlowTableSize(65_536);

    private static final MacAddress SWITCH_MAC = MacAddress.parse("02:00:00:00:00:fe");
    private static final int UPLINK_PORT = 0;

    /** The two services every site runs on its VIP. */
    private enum Web {
        HTTP(80), HTTPS(443);

        final int port;

        Web(int port) {
            this.port = port;
        }
    }

    private ClusterConfig() {
    }

    /** The whole cluster: every service and server slot of the build in use. */
    static SwitchConfig full() {
        List<ServiceConfig> services = new ArrayList<>();
        for (int site = 1; site <= SITES; site++) {
            Ipv4Address vip = Ipv4Address.parse("192.31.65." + site);
            for (Web web : Web.values()) {
                services.add(new ServiceConfig("site" + site + "-" + web.name().toLowerCase(), vip, Protocol.TCP,
                        web.port, Scheduler.WRR, servers(site)));
            }
        }
        return new SwitchConfig(HARDWARE, SWITCH_MAC, ports(), services);
    }

    private static List<ServerConfig> servers(int site) {
        List<ServerConfig> servers = new ArrayList<>();
        for (int n = 1; n <= SERVERS_PER_SITE; n++) {
            MacAddress mac = MacAddress.parse(String.format("02:00:00:01:%02x:%02x", site, n));
            int port = UPLINK_PORT + 1 + (n - 1) % (HARDWARE.ports() - 1);
            int weight = n <= SERVERS_PER_SITE / 2 ? 1 : 2;
            servers.add(new ServerConfig(String.format("rs%02d", n), mac, port, weight, ServerState.UP));
        }
        return servers;
    }

    private static List<PortConfig> ports() {
        List<PortConfig> ports = new ArrayList<>();
        for (int p = 0; p < HARDWARE.ports(); p++) {
            ports.add(new PortConfig(p, p == UPLINK_PORT ? PortRole.UPLINK : PortRole.SERVER));
        }
        return ports;
    }
}
