package flowswitch.driver.cli;

import static flowswitch.driver.cli.FsctlRunner.assertFails;
import static flowswitch.driver.cli.FsctlRunner.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowswitch.driver.regmap.Group;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fsctl exporter as a user starts it: it says where it listens, serves until stopped. */
class ExporterCommandTest {
    @TempDir
    Path dir;

    private FsctlRunner fsctl;

    @BeforeEach
    void start() throws Exception {
        fsctl = new FsctlRunner(dir);
        assertOk(fsctl.fsctl("apply", fsctl.configFile().toString()));
    }

    @AfterEach
    void stop() {
        fsctl.close();
    }

    @Test
    void servesUntilInterrupted() throws Exception {
        fsctl.fake.setCounter(fsctl.map.counter(Group.SERVER, 1, "packets"), 77);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread exporter = new Thread(() -> exit.set(Fsctl.execute(fsctl.env, new PrintWriter(out, true),
                new PrintWriter(err, true), "--device", "sim:" + fsctl.socket, "exporter", "--listen",
                "127.0.0.1:0")));
        exporter.start();
        Pattern serving = Pattern.compile("serving the metrics of sim:.* at (http://127\\.0\\.0\\.1:[0-9]+/metrics)"
                + " \\(Ctrl-C to stop\\)\n");
        Matcher m = serving.matcher("");
        for (int i = 0; i < 200 && !m.reset(out.toString()).matches(); i++) {
            Thread.sleep(25);
        }
        assertTrue(m.matches(), "out: " + out + " err: " + err);

        HttpResponse<String> scrape = get(m.group(1));
        assertEquals(200, scrape.statusCode());
        List<String> lines = scrape.body().lines().toList();
        assertTrue(lines.contains("flowswitch_server_packets_total{service=\"web\",server=\"web-2\"} 77"),
                scrape.body());

        // The device is locked per scrape only: other commands run while the exporter serves, and a scrape
        // sees what they changed.
        assertOk(fsctl.fsctl("--wait", "5", "server", "drain", "--name", "web-2"));
        assertTrue(get(m.group(1)).body().contains(
                "flowswitch_server_state{service=\"web\",server=\"web-2\",state=\"drain\"} 1"));
        // A device that went away fails the scrape, not the exporter.
        fsctl.stopServer();
        HttpResponse<String> gone = get(m.group(1));
        assertEquals(503, gone.statusCode());
        assertTrue(gone.body().contains("no simulator is serving this socket"), gone.body());

        exporter.interrupt();
        exporter.join(5_000);
        assertEquals(0, exit.get(), err.toString());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBadListenAddressIsRefused() {
        assertFails(fsctl.fsctl("exporter", "--listen", "9108"), 2, "'9108' is not HOST:PORT");
        assertFails(fsctl.fsctl("exporter", "--listen", "127.0.0.1:99999"), 2, "is not HOST:PORT");
        assertFails(fsctl.fsctl("exporter", "--listen", ":9108"), 2, "is not HOST:PORT");
    }
}
