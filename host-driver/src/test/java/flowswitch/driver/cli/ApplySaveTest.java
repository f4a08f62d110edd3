package flowswitch.driver.cli;

import static flowswitch.driver.cli.FsctlRunner.assertFails;
import static flowswitch.driver.cli.FsctlRunner.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import flowswitch.config.FlowTimeouts;
import flowswitch.config.SwitchConfig;
import flowswitch.driver.api.FlowSwitchDevice;
import flowswitch.driver.api.ServiceEntry;
import flowswitch.driver.cli.FsctlRunner.Result;
import flowswitch.driver.fake.FakeFlowSwitch;
import flowswitch.driver.fake.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** apply as a reviewed difference, and save, round-tripping through apply. */
class ApplySaveTest {
    @TempDir
    Path dir;

    private FsctlRunner fsctl;
    private Path config;

    @BeforeEach
    void start() throws Exception {
        fsctl = new FsctlRunner(dir);
        config = fsctl.configFile();
    }

    @AfterEach
    void stop() {
        fsctl.close();
    }

    @Test
    void dryRunShowsTheChangesAndWritesNothing() {
        Result dry = fsctl.fsctl("apply", "--dry-run", config.toString());
        assertOk(dry);
        assertTrue(dry.out().startsWith("  change switch MAC: 00:00:00:00:00:00 -> 02:00:00:00:00:fe\n"), dry.out());
        assertTrue(dry.out().contains("  add server web/web-2 in slot 1: mac 02:00:00:00:01:02, port 1, weight 1,"
                + " up\n"), dry.out());
        assertTrue(dry.out().contains("  change flow aging: tick stopped -> 12500000 clocks, tcp 0s -> 900s,"
                + " tcp_closing 0s -> 120s, udp 0s -> 300s\n"), dry.out());
        assertTrue(dry.out().endsWith("dry run: 8 changes, nothing written\n"), dry.out());
        assertTrue(commits().isEmpty(), "a dry run committed " + commits());
        assertEquals(0, fsctl.fake.writes().stream().filter(w -> w.register().startsWith("SWITCH_MAC")
                || w.register().equals("UPLINK_MASK") || w.register().startsWith("FLOW_")).count());
        assertFalse(Files.exists(fsctl.namesFile()));
    }

    @Test
    void aSecondApplyFindsNothingToDoAndWritesNothing() throws Exception {
        assertOk(fsctl.fsctl("apply", config.toString()));
        String names = Files.readString(fsctl.namesFile());
        int writes = fsctl.fake.writes().size();

        Result again = fsctl.fsctl("apply", config.toString());
        assertOk(again);
        assertEquals("no changes: the device already matches " + config + "\n", again.out());
        assertTrue(fsctl.fake.writes().subList(writes, fsctl.fake.writes().size()).stream()
                .allMatch(w -> w.register().endsWith("_INDEX")), "only the reads' slot selects");
        assertEquals(names, Files.readString(fsctl.namesFile()));

        JsonNode json = fsctl.fsctl("apply", "--json", config.toString()).json();
        assertFalse(json.get("written").asBoolean());
        assertEquals(0, json.get("changes").size());
    }

    @Test
    void jsonListsEachChange() throws Exception {
        JsonNode json = fsctl.fsctl("apply", "--json", "--dry-run", config.toString()).json();
        assertTrue(json.get("dry_run").asBoolean());
        assertFalse(json.get("written").asBoolean());
        assertEquals(8, json.get("changes").size());
        JsonNode server = json.get("changes").get(7);
        assertEquals("add", server.get("kind").asText());
        assertEquals("server", server.get("target").asText());
        assertEquals(2, server.get("slot").asInt());
        assertEquals("dns/dns-1", server.get("name").asText());
        assertEquals("switch_mac", json.get("changes").get(0).get("target").asText());
        JsonNode aging = json.get("changes").get(2);
        assertEquals("flow_aging", aging.get("target").asText());
        assertEquals("modify", aging.get("kind").asText());
        assertTrue(json.get("changes").get(0).get("slot").isNull());
    }

    @Test
    void saveWritesWhatApplyReadsBackAsNoChange() throws Exception {
        assertOk(fsctl.fsctl("apply", config.toString()));
        Result stdout = fsctl.fsctl("save");
        assertOk(stdout);
        assertTrue(stdout.out().startsWith("# saved by fsctl from sim:" + fsctl.socket + "\nhardware:\n"),
                stdout.out());
        assertEquals(Fixtures.config(), SwitchConfig.parse(stdout.out(), "saved"));

        // A day of operator changes leaves gaps; the saved file still matches the device slot for slot.
        assertOk(fsctl.fsctl("server", "del", "--name", "web-1"));
        assertOk(fsctl.fsctl("server", "add", "--service", "dns", "--name", "dns-2", "--mac", "02:00:00:00:02:02",
                "--port", "1"));
        assertOk(fsctl.fsctl("server", "drain", "--name", "web-2"));
        Path saved = dir.resolve("saved.yaml");
        Result save = fsctl.fsctl("save", saved.toString());
        assertOk(save);
        assertEquals("saved sim:" + fsctl.socket + " to " + saved + ": 2 services, 3 servers\n", save.out());
        int writes = fsctl.fake.writes().size();
        Result apply = fsctl.fsctl("apply", saved.toString());
        assertOk(apply);
        assertTrue(apply.out().startsWith("no changes"), apply.out());
        assertTrue(fsctl.fake.writes().subList(writes, fsctl.fake.writes().size()).stream()
                .allMatch(w -> w.register().endsWith("_INDEX")));

        // And onto a fresh device it gives the same services and servers.
        try (FsctlRunner other = new FsctlRunner(Files.createDirectory(dir.resolve("other")))) {
            assertOk(other.fsctl("apply", saved.toString()));
            Result again = other.fsctl("save");
            assertEquals(stdoutWithoutHeader(fsctl.fsctl("save")), stdoutWithoutHeader(again));
        }
    }

    @Test
    void flowAgingIsAppliedAndSavedWithTheRest() throws Exception {
        SwitchConfig hourly = Fixtures.config().withAging(200_000_000, new FlowTimeouts(Duration.ofHours(1),
                Duration.ofSeconds(30), Duration.ofMillis(2_050)));
        Path file = Files.writeString(dir.resolve("hourly.yaml"), hourly.toYaml());
        assertOk(fsctl.fsctl("apply", config.toString()));
        Result apply = fsctl.fsctl("apply", file.toString());
        assertOk(apply);
        assertEquals("  change flow aging: tick 12500000 clocks -> 20000000 clocks, tcp 900s -> 3600s, tcp_closing"
                + " 120s -> 30s, udp 300s -> 2100ms\napplied " + file + ": 1 change\n", apply.out());

        Result save = fsctl.fsctl("save");
        assertOk(save);
        // The UDP timeout was rounded up to whole ticks of 100ms.
        assertEquals(hourly.withAging(200_000_000, new FlowTimeouts(Duration.ofHours(1), Duration.ofSeconds(30),
                Duration.ofMillis(2_100))), SwitchConfig.parse(save.out(), "saved"));
        Path saved = Files.writeString(dir.resolve("saved.yaml"), save.out());
        assertTrue(fsctl.fsctl("apply", saved.toString()).out().startsWith("no changes"));
    }

    @Test
    void aDeviceThatNeverAgesIsSavedWithAWarningAboutItsClock() throws Exception {
        Path never = Files.writeString(dir.resolve("never.yaml"), Fixtures.config()
                .withAging(50_000_000, FlowTimeouts.NEVER).toYaml());
        assertOk(fsctl.fsctl("apply", never.toString()));
        Result save = fsctl.fsctl("save");
        assertEquals(0, save.exit());
        assertEquals("fsctl: warning: left out: clock_hz: flow aging is stopped on the device (FLOW_TICK_CYCLES 0), so"
                + " its clock is unknown; the file gives the default 125000000 and flow_timeouts 0s (never)\n",
                save.err());
        SwitchConfig saved = SwitchConfig.parse(save.out(), "saved");
        assertEquals(FlowTimeouts.NEVER, saved.flowTimeouts());
        Path file = Files.writeString(dir.resolve("saved.yaml"), save.out());
        assertTrue(fsctl.fsctl("apply", file.toString()).out().startsWith("no changes"));
    }

    @Test
    void aDeviceNoConfigCanDescribeIsNotSaved() {
        Result save = fsctl.fsctl("save");
        assertFails(save, 1, "save: the device's configuration cannot be written as a config file: ports: no port"
                + " has role uplink");
        assertEquals("", save.out());
    }

    @Test
    void aServiceDisabledBehindFsctlsBackLeavesItsServersOutWithAWarning() throws Exception {
        assertOk(fsctl.fsctl("apply", config.toString()));
        FlowSwitchDevice.open(fsctl.fake, fsctl.map).writeService(1, ServiceEntry.DISABLED);
        Result save = fsctl.fsctl("save");
        assertEquals(0, save.exit());
        assertEquals("fsctl: warning: left out: server dns-1 in slot 2 belongs to service slot 1, which is disabled,"
                + " so it takes no traffic\n", save.err());
        assertEquals(1, SwitchConfig.parse(save.out(), "saved").services().size());
    }

    private static String stdoutWithoutHeader(Result save) {
        return save.out().substring(save.out().indexOf('\n') + 1);
    }

    private List<String> commits() {
        return fsctl.fake.writes().stream().map(FakeFlowSwitch.Write::register).filter(r -> r.endsWith("_COMMIT"))
                .toList();
    }
}
