package flowswitch.sim.testbed;

import static flowswitch.sim.testbed.TestbedLayout.PREFIX_LENGTH;
import static flowswitch.sim.testbed.TestbedLayout.VIP;

import java.nio.file.Files;
import java.nio.file.Path;

/** Makes each testbed host: its namespace, its link (the switch port's TAP device) and what it needs on top. */
final class HostSetup {
    private HostSetup() {
    }

    /**
     * Creates the host's namespace with loopback up and IPv6 off: the hosts talk IPv4 only, and IPv6's router
     * solicitations and duplicate-address probes would only be noise for the simulated switch to carry.
     */
    static void createNamespace(TestbedHost host) {
        HostNetwork.addNamespace(host.namespace());
        HostNetwork.ip(host.namespace(), "link", "set", "lo", "up");
        if (Files.isDirectory(Path.of("/proc/sys/net/ipv6"))) {
            HostNetwork.sysctl(host.namespace(), "net.ipv6.conf.all.disable_ipv6=1",
                    "net.ipv6.conf.default.disable_ipv6=1");
        }
    }

    /** Moves the host's TAP device (made by the switch in this namespace) into its namespace and brings it up. */
    static void attachLink(TestbedHost host) {
        HostNetwork.moveLink(host.link(), host.namespace());
        HostNetwork.ip(host.namespace(), "link", "set", host.link(), "address", host.mac().toString());
        HostNetwork.ip(host.namespace(), "address", "add", host.address() + "/" + PREFIX_LENGTH, "dev", host.link());
        HostNetwork.ip(host.namespace(), "link", "set", host.link(), "up");
    }

    /**
     * Routes the VIP out of the client's link, as a router's connected route to the VIP's network: the client asks by
     * ARP who has the VIP, and the switch answers with its own MAC (docs/datapath.md "ARP for the VIPs").
     */
    static void routeVipToSwitch(TestbedHost client) {
        HostNetwork.ip(client.namespace(), "route", "add", VIP + "/32", "dev", client.link());
    }

    /**
     * A direct-routing real server: the VIP on loopback, so it accepts frames for the VIP that the switch sends to its
     * MAC, and never answers ARP for it (arp_ignore=1: only for addresses on the asking link) nor announces it as an
     * ARP source (arp_announce=2: its link's own address instead), so the client side never learns a server for it.
     */
    static void makeRealServer(TestbedHost server) {
        HostNetwork.sysctl(server.namespace(), "net.ipv4.conf.all.arp_ignore=1", "net.ipv4.conf.all.arp_announce=2");
        HostNetwork.ip(server.namespace(), "address", "add", VIP + "/32", "dev", "lo");
    }
}
