package flowswitch.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The value rules shared by the config records, each failing with a {@link FieldException} that says what is allowed. */
final class Rules {
    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,32}");

    private Rules() {
    }

    static void range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new FieldException(field, value + " is out of range; expected " + min + ".." + max);
        }
    }

    static void duration(String field, Duration value, Duration min, Duration max) {
        if (value.getNano() % 1_000_000 != 0) {
            throw new FieldException(field, value + " is not a whole number of milliseconds");
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new FieldException(field, DurationText.format(value) + " is out of range; expected "
                    + DurationText.format(min) + ".." + DurationText.format(max));
        }
    }

    /** A server's own address: unicast, not "this network" (0/8), multicast or reserved (224/3). */
    static void hostAddress(String field, Ipv4Address address) {
        int first = address.value() >>> 24;
        if (first == 0 || first >= 224) {
            throw new FieldException(field, address + " is not a host address; expected the server's own unicast"
                    + " IPv4 address");
        }
    }

    static void powerOfTwo(String field, int value, int min, int max) {
        if (value < min || value > max || Integer.bitCount(value) != 1) {
            throw new FieldException(field, value + " is not allowed; expected a power of two in " + min + ".." + max);
        }
    }

    static void oneOf(String field, int value, int... allowed) {
        if (Arrays.stream(allowed).noneMatch(a -> a == value)) {
            String choices = Arrays.stream(allowed).mapToObj(Integer::toString).collect(Collectors.joining(" or "));
            throw new FieldException(field, value + " is not allowed; expected " + choices);
        }
    }

    static void name(String field, String value) {
        if (!NAME.matcher(value).matches()) {
            throw new FieldException(field, "'" + value + "' is not a valid name; expected 1..32 characters"
                    + " from a-z, 0-9, '_' and '-'");
        }
    }

    static void unicast(String field, MacAddress mac) {
        if (mac.isMulticast()) {
            throw new FieldException(field, mac + " is a multicast address; expected a unicast MAC"
                    + " (bit 0 of the first octet clear)");
        }
    }
}
