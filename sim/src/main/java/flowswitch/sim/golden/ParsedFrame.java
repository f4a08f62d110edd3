package flowswitch.sim.golden;

import flowswitch.config.MacAddress;
import flowswitch.config.Protocol;

import java.util.Optional;

/**
 * A frame that passed parsing. {@code etherType} is the one after a VLAN tag, if any; {@code ports} is present
 * exactly when the frame has L4 ports (unfragmented IPv4 TCP or UDP); {@code tcpFlags} is the TCP flags byte of a
 * TCP segment long enough to hold it, else 0; {@code arp} is present exactly when the frame has ARP fields (IPv4 over
 * Ethernet, long enough for its body).
 */
public record ParsedFrame(MacAddress destination, MacAddress source, int etherType, Optional<FiveTuple> ports,
                          int tcpFlags, Optional<ArpMessage> arp) implements ParseResult {
    private static final int SYN = 0x02;
    private static final int ACK = 0x10;

    /** A frame with no TCP flags and no ARP fields. */
    public ParsedFrame(MacAddress destination, MacAddress source, int etherType, Optional<FiveTuple> ports) {
        this(destination, source, etherType, ports, 0);
    }

    /** A frame without ARP fields. */
    public ParsedFrame(MacAddress destination, MacAddress source, int etherType, Optional<FiveTuple> ports,
                       int tcpFlags) {
        this(destination, source, etherType, ports, tcpFlags, Optional.empty());
    }

    /** A frame with ARP fields. */
    public static ParsedFrame arp(MacAddress destination, MacAddress source, int etherType, ArpMessage arp) {
        return new ParsedFrame(destination, source, etherType, Optional.empty(), 0, Optional.of(arp));
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
