package flowswitch.driver.health;

import flowswitch.config.Ipv4Address;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Passes when an HTTP/1.1 GET of the path answers with the expected status. Redirects are not followed, so a
 * check can expect a 301 itself; the body is read and dropped.
 */
final class HttpChecker implements Checker {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;
    private final String path;
    private final int expect;

    HttpChecker(int port, String path, int expect) {
        this.port = port;
        this.path = path;
        this.expect = expect;
    }

    @Override
    public CheckResult check(Ipv4Address address, Duration timeout) {
        // The request's timeout runs from the start of the connection to the response headers.
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + address + ":" + port + path))
                .timeout(timeout).GET().build();
        Stopwatch watch = Stopwatch.start();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == expect ? CheckResult.passed(watch.elapsed(), "status " + status)
                    : CheckResult.failed(watch.elapsed(), "status " + status + ", expected " + expect);
        } catch (IOException e) {
            return CheckResult.failed(watch.elapsed(), Failures.describe(e, timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.failed(watch.elapsed(), "interrupted");
        }
    }
}
