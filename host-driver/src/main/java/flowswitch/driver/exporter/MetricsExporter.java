package flowswitch.driver.exporter;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * Serves metrics over HTTP for Prometheus: {@code GET /metrics} collects them afresh (usually
 * {@link DeviceMetrics#collect}) and answers in the text format; when they cannot be collected it answers 503 with
 * the reason, so the scrape fails visibly instead of reporting stale numbers. One request at a time, on the
 * server's own thread.
 */
public final class MetricsExporter implements AutoCloseable {
    public static final String PATH = "/metrics";

    private final HttpServer server;
    private final Supplier<List<Metric>> metrics;

    private MetricsExporter(HttpServer server, Supplier<List<Metric>> metrics) {
        this.server = server;
        this.metrics = metrics;
    }

    /**
     * Listens on {@code address} (port 0 picks a free port; see {@link #address()}).
     *
     * @param metrics called once per scrape; a RuntimeException from it becomes a 503 answer with its message
     * @throws UncheckedIOException naming the address when it cannot be bound
     */
    public static MetricsExporter start(InetSocketAddress address, Supplier<List<Metric>> metrics) {
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address.getHostString() + ":" + address.getPort()
                    + ": " + e.getMessage(), e);
        }
        MetricsExporter exporter = new MetricsExporter(server, metrics);
        server.createContext("/", exporter::handle);
        server.start();
        return exporter;
    }

    /** Where it listens, with the actual port. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"GET".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "text/plain; charset=utf-8", "only GET is served\n");
            } else if (path.equals(PATH)) {
                scrape(exchange);
            } else if (path.equals("/")) {
                respond(exchange, 200, "text/plain; charset=utf-8", "flowswitch exporter: metrics at " + PATH + "\n");
            } else {
                respond(exchange, 404, "text/plain; charset=utf-8", "no such page; metrics are at " + PATH + "\n");
            }
        }
    }

    private void scrape(HttpExchange exchange) throws IOException {
        String body;
        try {
            body = PrometheusText.render(metrics.get());
        } catch (RuntimeException e) {
            respond(exchange, 503, "text/plain; charset=utf-8", "cannot read the device: " + e.getMessage() + "\n");
            return;
        }
        respond(exchange, 200, PrometheusText.CONTENT_TYPE, body);
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
