package flowswitch.driver.health;

import flowswitch.config.Ipv4Address;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Passes when the server accepts a TCP connection on the port; the connection is closed at once. */
final class TcpChecker implements Checker {
    private final int port;

    TcpChecker(int port) {
        this.port = port;
    }

    @Override
    public CheckResult check(Ipv4Address address, Duration timeout) {
        Stopwatch watch = Stopwatch.start();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByAddress(address.bytes()), port),
                    (int) timeout.toMillis());
            return CheckResult.passed(watch.elapsed(), "connected");
        } catch (IOException e) {
            return CheckResult.failed(watch.elapsed(), Failures.describe(e, timeout));
        }
    }
}
