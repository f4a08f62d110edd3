package flowswitch.sim.golden;

import java.util.OptionalInt;

/** The stateless pick used when the flow table is full: the same 5-tuple lands on the same server. */
final class HashPick {
    private HashPick() {
    }

    static OptionalInt pick(int service, FiveTuple frame, ServerTable servers) {
        return servers.firstEligible(service, hash(frame) % servers.size());
    }

    /** The 16-bit XOR fold of docs/datapath.md. */
    static int hash(FiveTuple frame) {
        int source = frame.source().value();
        int destination = frame.destination().value();
        return (source >>> 16 ^ source ^ destination >>> 16 ^ destination ^ frame.sourcePort()
                ^ frame.destinationPort() ^ frame.protocol().number()) & 0xFFFF;
    }
}
