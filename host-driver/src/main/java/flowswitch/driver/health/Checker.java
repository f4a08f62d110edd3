package flowswitch.driver.health;

import flowswitch.config.Ipv4Address;
import flowswitch.config.Probe;
import java.time.Duration;

/**
 * Checks one server with one kind of probe. Implementations give up after {@code timeout} and report every
 * failure as a failed {@link CheckResult}, never as an exception.
 */
@FunctionalInterface
public interface Checker {
    CheckResult check(Ipv4Address address, Duration timeout);

    /** The checker over the network for {@code probe}. */
    static Checker of(Probe probe) {
        if (probe instanceof Probe.Tcp tcp) {
            return new TcpChecker(tcp.port());
        }
        if (probe instanceof Probe.Http http) {
            return new HttpChecker(http.port(), http.path(), http.expect());
        }
        return new IcmpChecker();
    }
}
