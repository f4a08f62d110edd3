package flowswitch.sim.traffic;

import flowswitch.config.Ipv4Address;
import flowswitch.config.MacAddress;
import flowswitch.config.PortConfig;
import flowswitch.config.PortRole;
import flowswitch.config.ServerSlot;
import flowswitch.config.SwitchConfig;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The hosts on the switch's ports: one router per uplink port and the config's servers. The config's routers take
 * the uplink ports in order; uplinks beyond them get routers made up here. Config routers beyond the uplinks are no
 * station: they never send, so the switch never learns where they are (a failover to such a router floods the
 * uplinks).
 */
final class Stations {
    /** Locally administered; the port number goes in the last octet, then the fifth if taken. */
    private static final long ROUTER_MAC_BASE = 0x0252_0000_0000L;
    private static final int ROUTER_IP_BASE = Ipv4Address.parse("10.1.0.1").value();
    /** The servers' own (non-VIP) addresses, which they answer ARP for. */
    private static final int SERVER_IP_BASE = Ipv4Address.parse("10.2.0.1").value();

    /** A station on port {@code port}. */
    record Host(int port, MacAddress mac, Ipv4Address ip) {
    }

    private final List<Host> routers = new ArrayList<>();
    private final List<Host> servers = new ArrayList<>();
    private final List<Integer> serviceOfServer = new ArrayList<>();

    Stations(SwitchConfig config) {
        Set<MacAddress> taken = new HashSet<>();
        taken.add(config.switchMac());
        for (ServerSlot slot : config.serverSlots()) {
            taken.add(slot.server().mac());
            servers.add(new Host(slot.server().port(), slot.server().mac(),
                    new Ipv4Address(SERVER_IP_BASE + slot.index())));
            serviceOfServer.add(slot.serviceIndex());
        }
        config.routers().forEach(r -> taken.add(r.mac()));
        int[] uplinks = config.ports().stream().filter(p -> p.role() == PortRole.UPLINK).mapToInt(PortConfig::index)
                .sorted().toArray();
        for (int i = 0; i < uplinks.length; i++) {
            int port = uplinks[i];
            MacAddress mac = i < config.routers().size() ? config.routers().get(i).mac() : madeUpMac(port, taken);
            routers.add(new Host(port, mac, new Ipv4Address(ROUTER_IP_BASE + port)));
        }
    }

    /** A router MAC for {@code port} that no other station has; taken from now on. */
    private static MacAddress madeUpMac(int port, Set<MacAddress> taken) {
        MacAddress mac = new MacAddress(ROUTER_MAC_BASE + port);
        for (long step = 1; taken.contains(mac); step++) {
            mac = new MacAddress(ROUTER_MAC_BASE + port + (step << 8));
        }
        taken.add(mac);
        return mac;
    }

    /** One per uplink port, in port order. */
    List<Host> routers() {
        return routers;
    }

    /** Routers, then servers in slot order. */
    List<Host> all() {
        List<Host> all = new ArrayList<>(routers);
        all.addAll(servers);
        return all;
    }

    List<Host> serversOf(int serviceIndex) {
        List<Host> of = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            if (serviceOfServer.get(i) == serviceIndex) {
                of.add(servers.get(i));
            }
        }
        return of;
    }
}
