package flowswitch.driver.ipvsadm;

import flowswitch.config.Ipv4Address;
import java.util.List;

/**
 * One {@code -a} rule of an ipvsadm-save file.
 *
 * @param line      where it is in the file, 1-based
 * @param service   the {@link IpvsService#address()} of the service it belongs to
 * @param unmatched the options that have no equivalent on the switch and are left out, as written
 */
public record IpvsRealServer(int line, String service, Ipv4Address address, ForwardingMethod method, long weight,
                             List<String> unmatched) {
    public IpvsRealServer {
        unmatched = List.copyOf(unmatched);
    }
}
