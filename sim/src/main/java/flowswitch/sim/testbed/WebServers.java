package flowswitch.sim.testbed;

import static flowswitch.sim.testbed.TestbedLayout.HTTP_PORT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One HTTP server per server host, answering every request with the host's name: Python's http.server serving a
 * directory whose index.html holds the name, speaking HTTP/1.1 so a client can keep its connection open.
 */
final class WebServers {
    static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(100);

    private WebServers() {
    }

    static void start(TestbedFiles files, TestbedHost server) {
        Path site = files.site(server);
        try {
            Files.createDirectories(site);
            Files.writeString(site.resolve("index.html"), server.name() + "\n");
        } catch (IOException e) {
            throw new TestbedException("cannot write the web page of " + server.name() + " in " + site + ": "
                    + e.getMessage(), e);
        }
        files.http(server).start(List.of("ip", "netns", "exec", server.namespace(), "python3", "-m", "http.server",
                Integer.toString(HTTP_PORT), "--bind", "0.0.0.0", "--directory", site.toString(), "--protocol",
                "HTTP/1.1"), files.httpLog(server));
    }

    /** @throws TestbedException with its log if the server does not listen within {@link #READY_TIMEOUT} */
    static void awaitListening(TestbedFiles files, TestbedHost server) {
        boolean up = Wait.until(READY_TIMEOUT, POLL, () -> {
            if (files.http(server).exited()) {
                throw new TestbedException("the HTTP server of " + server.name() + " stopped: " + log(files, server));
            }
            return HostNetwork.listening(server.namespace(), HTTP_PORT);
        });
        if (!up) {
            throw new TestbedException("the HTTP server of " + server.name() + " did not listen on port " + HTTP_PORT
                    + " within " + READY_TIMEOUT.toSeconds() + " s: " + log(files, server));
        }
    }

    private static String log(TestbedFiles files, TestbedHost server) {
        try {
            return Files.readString(files.httpLog(server)).strip();
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
