package flowswitch.config;

import java.util.regex.Pattern;

/** A 48-bit Ethernet address; {@code value} holds octet 0 in bits 47..40. */
public record MacAddress(long value) {
    private static final Pattern TEXT = Pattern.compile("\\p{XDigit}{2}(:\\p{XDigit}{2}){5}");
    private static final int OCTETS = 6;

    public MacAddress {
        if (value >>> 48 != 0) {
            throw new IllegalArgumentException("MAC address value 0x" + Long.toHexString(value) + " is wider than 48 bits");
        }
    }

    /** @throws IllegalArgumentException with a message fit to show the user as is */
    public static MacAddress parse(String text) {
        if (!TEXT.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a MAC address; expected six hex octets like"
                    + " 02:00:00:00:00:01");
        }
        return new MacAddress(Long.parseLong(text.replace(":", ""), 16));
    }

    /** The I/G bit: set for multicast and broadcast, which can never be a station's own address. */
    public boolean isMulticast() {
        return (value >>> 40 & 1) != 0;
    }

    /** Octets in wire order. */
    public byte[] bytes() {
        return Octets.bigEndian(value, OCTETS);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (byte octet : bytes()) {
            if (text.length() > 0) {
                text.append(':');
            }
            text.append(String.format("%02x", octet & 0xff));
        }
        return text.toString();
    }
}
