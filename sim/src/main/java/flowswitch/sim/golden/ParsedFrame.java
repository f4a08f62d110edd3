package flowswitch.sim.golden;

import flowswitch.config.MacAddress;

import java.util.Optional;

/**
 * A frame that passed parsing. {@code etherType} is the one after a VLAN tag, if any; {@code ports} is present
 * exactly when the frame has L4 ports (unfragmented IPv4 TCP or UDP).
 */
public record ParsedFrame(MacAddress destination, MacAddress source, int etherType, Optional<FiveTuple> ports)
        implements ParseResult {
}
