package flowswitch.sim.testbed;

import flowswitch.config.Ipv4Address;
import flowswitch.config.MacAddress;

/**
 * One Linux host of the testbed: a network namespace whose only link is the TAP device of one switch port.
 *
 * @param name      the server's name in the switch config and in its web page; "client" for the uplink side
 * @param namespace the network namespace ({@code ip netns})
 * @param link      the TAP device: created by the switch's bridge, then moved into the namespace
 * @param port      the switch port the link is the wire of
 * @param mac       the link's MAC address (a server's is the one the switch config gives it)
 * @param address   the link's own IPv4 address
 */
public record TestbedHost(String name, String namespace, String link, int port, MacAddress mac, Ipv4Address address) {
}
