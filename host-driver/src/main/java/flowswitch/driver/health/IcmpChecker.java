package flowswitch.driver.health;

import flowswitch.config.Ipv4Address;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;

/**
 * Passes when the server answers an ICMP echo request. The JDK sends ICMP only with the privilege to open raw
 * sockets (root, or CAP_NET_RAW); without it {@link InetAddress#isReachable} tries a TCP connection to port 7
 * instead, which passes when the host answers at all, even with a refusal.
 */
final class IcmpChecker implements Checker {
    @Override
    public CheckResult check(Ipv4Address address, Duration timeout) {
        Stopwatch watch = Stopwatch.start();
        try {
            if (InetAddress.getByAddress(address.bytes()).isReachable((int) timeout.toMillis())) {
                return CheckResult.passed(watch.elapsed(), "echo reply");
            }
            return CheckResult.failed(watch.elapsed(), Failures.noAnswer(timeout));
        } catch (IOException e) {
            return CheckResult.failed(watch.elapsed(), Failures.describe(e, timeout));
        }
    }
}
