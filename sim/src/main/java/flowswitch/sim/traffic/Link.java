package flowswitch.sim.traffic;

import flowswitch.config.MacAddress;

import java.util.OptionalInt;

/** The Ethernet header of a generated frame: addresses and an optional 802.1Q tag (priority 0). */
record Link(MacAddress destination, MacAddress source, OptionalInt vlan) {
    static final int ETHERTYPE_VLAN = 0x8100;
    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int ETHERTYPE_ARP = 0x0806;

    int length() {
        return vlan.isPresent() ? 18 : 14;
    }

    /** Writes the header; returns the offset of the layer-3 header. */
    int write(byte[] frame, int etherType) {
        Bytes.put(frame, 0, destination.bytes());
        Bytes.put(frame, 6, source.bytes());
        if (vlan.isPresent()) {
            Bytes.put16(frame, 12, ETHERTYPE_VLAN);
            Bytes.put16(frame, 14, vlan.getAsInt());
        }
        Bytes.put16(frame, length() - 2, etherType);
        return length();
    }

    /** The same link in the other direction (a reply). */
    Link reversed() {
        return new Link(source, destination, vlan);
    }
}
