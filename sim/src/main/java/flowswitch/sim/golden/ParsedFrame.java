package flowswitch.sim.golden;

import flowswitch.config.MacAddress;
import flowswitch.config.Protocol;

import java.util.Optional;

/**
 * A frame that passed parsing. {@code etherType} is the one after a VLAN tag, if any; {@code ports} is present
 * exactly when the frame has L4 ports (unfragmented IPv4 TCP or UDP); {@code tcpFlags} is the TCP flags byte of a
 * TCP segment long enough to hold it, else 0.
 */
public record ParsedFrame(MacAddress destination, MacAddress source, int etherType, Optional<FiveTuple> ports,
                          int tcpFlags) implements ParseResult {
    private static final int SYN = 0x02;
    private static final int ACK = 0x10;

    /** A frame with no TCP flags. */
    public ParsedFrame(MacAddress destination, MacAddress source, int etherType, Optional<FiveTuple> ports) {
        this(destination, source, etherType, ports, 0);
    }

    /**
     * False for a TCP segment that cannot open a connection (no SYN, or SYN with ACK): its connection began before
     * and the flow table lost it (docs/datapath.md "Forwarding decision").
     */
    public boolean opensConnection() {
        boolean tcp = ports.map(p -> p.protocol() == Protocol.TCP).orElse(false);
        return !tcp || (tcpFlags & (SYN | ACK)) == SYN;
    }
}
