package flowswitch.sim.golden;

import flowswitch.config.Ipv4Address;
import flowswitch.config.Protocol;

/** The layer-3/4 fields of a TCP or UDP frame that classification, the flow table and the hash use. */
public record FiveTuple(Ipv4Address source, Ipv4Address destination, Protocol protocol, int sourcePort,
                        int destinationPort) {
}
