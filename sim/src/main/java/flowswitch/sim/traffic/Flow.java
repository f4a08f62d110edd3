package flowswitch.sim.traffic;

import flowswitch.config.Ipv4Address;
import flowswitch.config.MacAddress;
import flowswitch.config.Protocol;

import java.util.Optional;
import java.util.OptionalInt;

/** One client connection through a router to a VIP, with what stays the same for all its packets. */
record Flow(Stations.Host router, Ipv4Address client, int clientPort, Ipv4Address vip, Protocol protocol,
            int servicePort, Optional<Stations.Host> replier, OptionalInt vlan, IpOptions options) {
    /** Routed once on the way in. */
    private static final int CLIENT_TTL = 63;

    /** The router sends to the VIP's MAC, which is the switch's. */
    Link toSwitch(MacAddress switchMac) {
        return new Link(switchMac, router.mac(), vlan);
    }

    Ip clientIp() {
        return new Ip(client, vip, CLIENT_TTL, options);
    }
}
