package flowswitch.config;

import java.util.regex.Pattern;

/** An IPv4 address; {@code value} holds the first octet in bits 31..24, as the SVC_VIP register does. */
public record Ipv4Address(int value) {
    // No leading zeros: some tools read "010" as octal, so such a text is ambiguous and refused.
    private static final Pattern TEXT = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    private static final int OCTETS = 4;

    /** @throws IllegalArgumentException with a message fit to show the user as is */
    public static Ipv4Address parse(String text) {
        IllegalArgumentException invalid = new IllegalArgumentException("'" + text + "' is not an IPv4 address;"
                + " expected four decimal numbers 0..255 like 192.0.2.1");
        if (!TEXT.matcher(text).matches()) {
            throw invalid;
        }
        int value = 0;
        for (String part : text.split("\\.")) {
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                throw invalid;
            }
            value = value << 8 | octet;
        }
        return new Ipv4Address(value);
    }

    /** Octets in wire order. */
    public byte[] bytes() {
        return Octets.bigEndian(value, OCTETS);
    }

    @Override
    public String toString() {
        return (value >>> 24) + "." + (value >>> 16 & 0xff) + "." + (value >>> 8 & 0xff) + "." + (value & 0xff);
    }
}
