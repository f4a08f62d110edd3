package flowswitch.driver.cli;

import static flowswitch.driver.cli.FsctlRunner.assertFails;
import static flowswitch.driver.cli.FsctlRunner.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import flowswitch.driver.cli.FsctlRunner.Result;
import flowswitch.driver.regmap.Counter;
import flowswitch.driver.regmap.Group;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** stats --rate, --watch and --zero against the fake device. */
class StatsVerbTest {
    @TempDir
    Path dir;

    private FsctlRunner fsctl;
    private Counter rxPackets;

    @BeforeEach
    void start() throws Exception {
        fsctl = new FsctlRunner(dir);
        assertOk(fsctl.fsctl("apply", fsctl.configFile().toString()));
        rxPackets = fsctl.map.counter(Group.PORT, 0, "rx_packets");
    }

    @AfterEach
    void stop() {
        fsctl.close();
    }

    @Test
    void routerFailoversArePerRouterAndSummed() throws Exception {
        fsctl.fake.setCounter(fsctl.map.counter(Group.ROUTER, 0, "failovers"), 5);
        fsctl.fake.setCounter(fsctl.map.counter(Group.ROUTER, 2, "failovers"), 7);
        fsctl.fake.setCounter(fsctl.map.counter(Group.ROUTER, 1, "takeovers"), 12);
        JsonNode json = fsctl.fsctl("stats", "--json").json();
        assertEquals(12, json.get("routing").get("router_failovers").asLong());
        assertEquals(7, json.get("routers").get(2).get("failovers").asLong());
        assertEquals(12, json.get("routers").get(1).get("takeovers").asLong());
    }

    @Test
    void rateIsTheGrowthBetweenTwoReadingsPerSecond() throws Exception {
        fsctl.fake.setCounter(rxPackets, 1_000);
        // Each of the three reads of a reading (hi, lo, hi) adds 1000: the counter grows 3000 between readings.
        fsctl.fake.tickAfterEachRead(rxPackets, 1_000);
        Result rate = fsctl.fsctl("stats", "--rate", "--interval", "100ms", "--json");
        assertOk(rate);
        JsonNode json = rate.json();
        double over = json.get("per_second_over").asDouble();
        assertTrue(over >= 0.1 && over < 5, "measured over " + over + "s");
        double perSecond = json.get("ports").get(0).get("rx_packets").asDouble();
        assertEquals(3_000, perSecond * over, 1e-6);
        assertEquals(0.0, json.get("ports").get(1).get("rx_packets").asDouble());
        assertEquals(0, json.get("flow").get("occupancy").asInt());

        Result table = fsctl.fsctl("stats", "--rate", "--interval", "0.1");
        assertOk(table);
        assertTrue(table.out().startsWith("per second, over 0."), table.out());
        assertTrue(table.out().lines().anyMatch(l -> l.matches("0\\s+[0-9]+\\.[0-9]\\s+0\\.0\\s+.*")), table.out());
    }

    @Test
    void watchRedrawsTheTablesEveryIntervalUntilTheCount() {
        fsctl.fake.tickAfterEachRead(rxPackets, 1);
        Result watch = fsctl.fsctl("stats", "--watch", "--count", "3", "--interval", "20ms");
        assertOk(watch);
        String[] frames = watch.out().split(Pattern.quote(StatsCommand.CLEAR_SCREEN), -1);
        assertEquals("", frames[0], "the first frame clears the screen too");
        assertEquals(4, frames.length, watch.out());
        List<Long> rx = new ArrayList<>();
        Pattern port0 = Pattern.compile("(?m)^0\\s+([0-9]+)\\s");
        for (int i = 1; i < frames.length; i++) {
            assertTrue(frames[i].contains("every 20ms  (Ctrl-C to quit)"), frames[i]);
            assertTrue(frames[i].contains("\nservers\n"), frames[i]);
            Matcher m = port0.matcher(frames[i]);
            assertTrue(m.find(), frames[i]);
            rx.add(Long.parseLong(m.group(1)));
        }
        assertTrue(rx.get(0) < rx.get(1) && rx.get(1) < rx.get(2), "each frame reads the device again: " + rx);
    }

    @Test
    void otherCommandsRunWhileAWatchIsOn() throws Exception {
        Thread watch = new Thread(() -> fsctl.fsctl("stats", "--watch", "--count", "1000", "--interval", "50ms"));
        watch.start();
        try {
            Thread.sleep(300);
            // The watch holds the lock only while it reads (a few ms every 50 ms), so a short wait gets it; were the
            // lock held for the watch's whole 50 s, this would give up after 5 s.
            assertOk(fsctl.fsctl("--wait", "5", "server", "drain", "--name", "web-1"));
        } finally {
            watch.interrupt();
            watch.join(5_000);
        }
    }

    @Test
    void watchWithRateAndJsonPrintsOneDocumentPerReading() throws Exception {
        Result watch = fsctl.fsctl("stats", "--watch", "--rate", "--count", "2", "--interval", "10ms", "--json");
        assertOk(watch);
        List<JsonNode> docs = new ArrayList<>();
        JsonMapper.builder().build().readerFor(JsonNode.class).readValues(watch.out())
                .forEachRemaining(d -> docs.add((JsonNode) d));
        assertEquals(2, docs.size());
        assertTrue(docs.stream().allMatch(d -> d.has("per_second_over") && d.get("servers").size() == 16));
        assertTrue(!watch.out().contains(StatsCommand.CLEAR_SCREEN));
    }

    @Test
    void zeroPrintsTheCountersThenClearsThem() throws Exception {
        fsctl.fake.setCounter(rxPackets, 42);
        Result zero = fsctl.fsctl("stats", "--zero");
        assertOk(zero);
        assertTrue(zero.out().lines().anyMatch(l -> l.matches("0\\s+42\\s+.*")), zero.out());
        assertTrue(zero.out().endsWith("counters cleared\n"), zero.out());
        assertEquals(0, fsctl.fake.counter(rxPackets));

        fsctl.fake.setCounter(rxPackets, 7);
        Result json = fsctl.fsctl("stats", "--zero", "--json");
        assertEquals(7, json.json().get("ports").get(0).get("rx_packets").asLong());
        assertEquals(0, fsctl.fake.counter(rxPackets));
    }

    @Test
    void optionsThatDoNotGoTogetherAreRefused() {
        assertFails(fsctl.fsctl("stats", "--count", "3"), 2, "--count N needs --watch");
        assertFails(fsctl.fsctl("stats", "--watch", "--count", "0"), 2, "--count N needs --watch and N of at least 1");
        assertFails(fsctl.fsctl("stats", "--watch", "--zero"), 2, "--zero cannot be combined with --watch");
        assertFails(fsctl.fsctl("stats", "--rate", "--interval", "soon"), 2, "'soon' is not a duration");
        assertFails(fsctl.fsctl("stats", "--rate", "--interval", "0ms"), 2, "'0ms' is too short");
        assertEquals(0, fsctl.fake.writes().stream().filter(w -> w.register().equals("STATS_CLEAR")).count());
    }
}
