package flowswitch.sim.golden;

import flowswitch.config.Ipv4Address;
import flowswitch.config.MacAddress;

import java.util.Objects;

/**
 * The fields of an ARP message for IPv4 over Ethernet that the switch acts on; {@code offset} is where its body
 * starts in the frame (14, or 18 behind a VLAN tag).
 */
public record ArpMessage(int offset, int operation, MacAddress senderMac, Ipv4Address senderIp, Ipv4Address targetIp) {
    public static final int REQUEST = 1;
    public static final int REPLY = 2;

    public ArpMessage {
        Objects.requireNonNull(senderMac, "senderMac");
        Objects.requireNonNull(senderIp, "senderIp");
        Objects.requireNonNull(targetIp, "targetIp");
    }

    public boolean isRequest() {
        return operation == REQUEST;
    }
}
