package flowswitch.driver.ipvsadm;

import flowswitch.config.Ipv4Address;
import flowswitch.config.Protocol;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One {@code -A} rule of an ipvsadm-save file.
 *
 * @param line       where it is in the file, 1-based
 * @param scheduler  the LVS scheduler's name as written; empty when the rule has no -s (ipvsadm then uses wlc)
 * @param unmatched  the options that have no equivalent on the switch and are left out, as written
 */
public record IpvsService(int line, Protocol protocol, Ipv4Address vip, int port, Optional<String> scheduler,
                          List<String> unmatched) {
    public IpvsService {
        unmatched = List.copyOf(unmatched);
    }

    /** {@code tcp 192.0.2.10:80}, as the rule's real servers refer to it. */
    public String address() {
        return address(protocol, vip, port);
    }

    static String address(Protocol protocol, Ipv4Address vip, int port) {
        return protocol.name().toLowerCase(Locale.ROOT) + " " + vip + ":" + port;
    }
}
