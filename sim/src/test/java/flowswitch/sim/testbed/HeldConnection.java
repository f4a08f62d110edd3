package flowswitch.sim.testbed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One keep-alive HTTP connection from the client namespace to the VIP, held open between requests the test asks
 * for (Python's http.client, which the testbed already needs). Every request goes out on that one TCP connection:
 * once it is closed or reset, the client ends and the next request fails, saying why.
 */
final class HeldConnection implements AutoCloseable {
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(20);
    /**
     * One GET per line on stdin; prints each body. http.client would open a new connection for a request after the
     * server closed the old one: the script ends instead, and a reset ends it with the error.
     */
    private static final String CLIENT = """
            import http.client, sys
            c = http.client.HTTPConnection(sys.argv[1], int(sys.argv[2]), timeout=15)
            c.connect()
            for line in sys.stdin:
                c.request("GET", "/")
                body = c.getresponse().read().decode().strip()
                print(body, flush=True)
                if c.sock is None:
                    sys.exit("the server closed the connection after that answer")
            """;

    private final Process process;
    private final BufferedReader answers;
    private final OutputStream requests;

    private HeldConnection(Process process) {
        this.process = process;
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.requests = process.getOutputStream();
    }

    /** Connects from the client of {@code layout} to its VIP. */
    static HeldConnection open(TestbedLayout layout) throws IOException {
        List<String> argv = List.of("ip", "netns", "exec", layout.client().namespace(), "python3", "-c", CLIENT,
                TestbedLayout.VIP.toString(), Integer.toString(TestbedLayout.HTTP_PORT));
        return new HeldConnection(new ProcessBuilder(argv).redirectErrorStream(true).start());
    }

    /** Sends one request on the connection and returns the answer, the server's name; fails when it broke. */
    String request() throws InterruptedException {
        try {
            requests.write('\n');
            requests.flush();
        } catch (IOException e) {
            throw broke("its client ended");
        }
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return answers.readLine();
            } catch (IOException e) {
                return "(reading the answer failed: " + e.getMessage() + ")";
            }
        });
        String text;
        try {
            text = line.get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no answer on the held connection within " + ANSWER_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new AssertionError("reading the held connection failed", e.getCause());
        }
        // A server's name is one word; anything else is Python's error.
        if (text == null || text.isBlank() || text.contains(" ")) {
            throw broke(text == null ? "its client ended" : text);
        }
        return text;
    }

    /** The failure, with what else the client printed (Python's traceback). */
    private AssertionError broke(String what) throws InterruptedException {
        process.waitFor(5, TimeUnit.SECONDS);
        StringBuilder more = new StringBuilder("the held connection broke: ").append(what);
        try {
            while (answers.ready()) more.append(" | ").append(answers.readLine());
        } catch (IOException e) {
            more.append(" (its output ended: ").append(e.getMessage()).append(')');
        }
        return new AssertionError(more.toString());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
}
