package flowswitch.sim.golden;

import flowswitch.config.Ipv4Address;
import flowswitch.config.Protocol;

/** What the flow table matches on. The VIP is not part of it: the service slot stands for it. */
record FlowKey(int service, Ipv4Address source, int sourcePort, int destinationPort, Protocol protocol) {
    static FlowKey of(int service, FiveTuple frame) {
        return new FlowKey(service, frame.source(), frame.sourcePort(), frame.destinationPort(), frame.protocol());
    }
}
