package flowswitch.driver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static flowswitch.driver.cli.FsctlRunner.assertFails;
import static flowswitch.driver.cli.FsctlRunner.assertOk;

import com.fasterxml.jackson.databind.JsonNode;
import flowswitch.config.MacAddress;
import flowswitch.config.ServerState;
import flowswitch.driver.api.FlowSwitchDevice;
import flowswitch.driver.api.ServerEntry;
import flowswitch.driver.cli.FsctlRunner.Result;
import flowswitch.driver.fake.FakeFlowSwitch;
import flowswitch.driver.fake.Fixtures;
import flowswitch.driver.regmap.Group;
import flowswitch.driver.regmap.RegisterMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fsctl end to end: in-process, over a real sim socket, against the fake device. */
class FsctlTest {
    @TempDir
    Path dir;

    private FsctlRunner runner;
    private RegisterMap map;
    private FakeFlowSwitch fake;
    private Map<String, String> env;
    private Path socket;
    private Path configFile;

    @BeforeEach
    void startSimulator() throws Exception {
        runner = new FsctlRunner(dir);
        map = runner.map;
        fake = runner.fake;
        env = runner.env;
        socket = runner.socket;
        configFile = runner.configFile();
    }

    @AfterEach
    void stopSimulator() {
        runner.close();
    }

    private Result fsctl(String... args) {
        return runner.fsctl(args);
    }

    private Result fsctlRaw(String... args) {
        return runner.raw(args);
    }

    @Test
    void infoIdentifiesTheDevice() throws Exception {
        Result table = fsctl("info");
        assertOk(table);
        assertTrue(table.out().contains("build              0x" + Integer.toHexString(map.build())), table.out());
        assertTrue(table.out().contains("max_servers        16"), table.out());
        assertTrue(table.out().contains("maglev_table_size  1601"), table.out());

        Result json = fsctl("info", "--json");
        assertOk(json);
        JsonNode info = json.json();
        assertEquals("0x464c5357", info.get("id").asText());
        assertEquals("1.0.0", info.get("version").asText());
        assertEquals(4, info.get("hardware").get("ports").asInt());
        assertEquals(16, info.get("hardware").get("max_servers").asInt());
        assertEquals("sim:" + socket, info.get("device").asText());
    }

    @Test
    void applyLoadsTheConfigAndTheListsShowItByName() throws Exception {
        Result apply = fsctl("apply", configFile.toString());
        assertOk(apply);
        assertTrue(apply.out().endsWith("applied " + configFile + ": 8 changes\n"), apply.out());
        assertTrue(apply.out().contains("  add service web in slot 0: tcp 192.0.2.10:80 wrr\n"), apply.out());
        assertTrue(apply.out().contains("  add server dns/dns-1 in slot 2: mac 02:00:00:00:02:01, port 1, weight 1,"
                + " up\n"), apply.out());
        assertTrue(Files.exists(dir.resolve("names.json")));

        JsonNode services = fsctl("service", "list", "--json").json();
        assertEquals(2, services.size());
        assertEquals("web", services.get(0).get("name").asText());
        assertEquals("192.0.2.10", services.get(0).get("vip").asText());
        assertEquals("tcp", services.get(0).get("protocol").asText());
        assertEquals("wrr", services.get(0).get("scheduler").asText());
        assertEquals(2, services.get(0).get("servers").asInt());
        assertEquals("dns", services.get(1).get("name").asText());
        assertEquals(53, services.get(1).get("port").asInt());

        JsonNode servers = fsctl("server", "list", "--json").json();
        assertEquals(3, servers.size());
        assertEquals("web-1", servers.get(0).get("name").asText());
        assertEquals("web", servers.get(0).get("service").asText());
        assertEquals("02:00:00:00:01:01", servers.get(0).get("mac").asText());
        assertEquals(3, servers.get(0).get("weight").asInt());
        assertEquals("up", servers.get(0).get("state").asText());
        assertEquals("dns-1", servers.get(2).get("name").asText());
        assertEquals(1, servers.get(2).get("service_slot").asInt());

        assertEquals(0, servers.get(0).get("connections").asLong());

        fake.setRegister("SERVER1_CONNECTIONS", 7);
        Result table = fsctl("server", "list");
        assertOk(table);
        assertTrue(table.out().lines()
                .anyMatch(l -> l.matches("1\\s+web-2\\s+web\\s+02:00:00:00:01:02\\s+1\\s+1\\s+up\\s+7")), table.out());
        assertEquals(7, fsctl("server", "list", "--json").json().get(1).get("connections").asLong());
    }

    /**
     * A service that turns to mh gets its Maglev table before the change, 8 entries per MH_DATA write, each entry a
     * server slot of the service by the host's MaglevTable; a new weight loads it again.
     */
    @Test
    void anMhServiceGetsItsMaglevTableLoadedAndReloadedOnAWeightChange() throws Exception {
        assertOk(fsctl("apply", configFile.toString()));
        int before = fake.writes().size();
        assertOk(fsctl("service", "set", "--name", "web", "--scheduler", "mh"));
        List<FakeFlowSwitch.Write> writes = fake.writes().subList(before, fake.writes().size());
        List<String> order = writes.stream().map(FakeFlowSwitch.Write::register)
                .filter(r -> r.startsWith("MH_") || r.equals("SVC_COMMIT")).distinct().toList();
        assertEquals(List.of("MH_LOAD", "MH_DATA", "MH_COMMIT", "SVC_COMMIT"), order, "the table comes first");
        int[] entries = writes.stream().filter(w -> w.register().equals("MH_DATA"))
                .flatMapToInt(w -> IntStream.range(0, 8).map(k -> w.value() >>> (4 * k) & 0xF)).limit(1601).toArray();
        assertEquals(1601, entries.length, "201 rows of 8");
        // web-1 (slot 0, weight 3) and web-2 (slot 1, weight 1): three entries in four are web-1's.
        long first = IntStream.of(entries).filter(e -> e == 0).count();
        assertEquals(1601 - first, IntStream.of(entries).filter(e -> e == 1).count(), "only web's slots");
        assertEquals(0.75, first / 1601.0, 0.01);

        before = fake.writes().size();
        assertOk(fsctl("server", "set", "--name", "web-2", "--weight", "3"));
        writes = fake.writes().subList(before, fake.writes().size());
        assertEquals(201, writes.stream().filter(w -> w.register().equals("MH_DATA")).count());
        assertEquals("MH_COMMIT", writes.get(writes.size() - 1).register());
        before = fake.writes().size();
        assertOk(fsctl("server", "drain", "--name", "web-2"));
        assertTrue(fake.writes().subList(before, fake.writes().size()).stream()
                .noneMatch(w -> w.register().startsWith("MH_")), "a state change keeps the table");
    }

    @Test
    void serverAddSetAndDelChangeTheDeviceAndTheNames() throws Exception {
        assertOk(fsctl("apply", configFile.toString()));
        Result add = fsctl("server", "add", "--service", "dns", "--name", "dns-2", "--mac", "02:00:00:00:02:02",
                "--port", "1", "--weight", "4");
        assertOk(add);
        assertEquals("added server dns/dns-2 in slot 3\n", add.out());
        FlowSwitchDevice device = FlowSwitchDevice.open(fake, map);
        assertEquals(new ServerEntry(true, 1, MacAddress.parse("02:00:00:00:02:02"), 1, 4,
                ServerState.UP), device.servers().get(3));

        // Servers in every other slot, behind fsctl's back, then gone again.
        ServerEntry filler = new ServerEntry(true, 1, MacAddress.parse("02:00:00:00:02:ff"), 2, 1, ServerState.UP);
        IntStream.range(4, 16).forEach(slot -> device.writeServer(slot, filler));
        assertFails(fsctl("server", "add", "--service", "dns", "--name", "dns-3", "--mac", "02:00:00:00:02:03",
                "--port", "1"), 2, "all 16 server slots are in use");
        IntStream.range(4, 16).forEach(slot -> device.writeServer(slot, ServerEntry.EMPTY));

        assertOk(fsctl("server", "set", "--name", "web-2", "--state", "drain", "--weight", "9"));
        ServerEntry web2 = device.servers().get(1);
        assertEquals(ServerState.DRAIN, web2.state());
        assertEquals(9, web2.weight());
        assertEquals(0, web2.service());

        assertOk(fsctl("server", "del", "--name", "web-1"));
        assertFalse(device.servers().get(0).valid());
        JsonNode servers = fsctl("server", "list", "--json").json();
        assertEquals(List.of("web-2", "dns-1", "dns-2"), names(servers));
        assertFalse(Files.readString(dir.resolve("names.json")).contains("web-1"));

        // The freed slot is reused, and a server is found by slot<N> too.
        assertOk(fsctl("server", "add", "--service", "slot0", "--name", "web-3", "--mac", "02:00:00:00:01:03",
                "--port", "1", "--state", "down"));
        assertEquals(ServerState.DOWN, device.servers().get(0).state());
        assertOk(fsctl("server", "set", "--name", "slot0", "--state", "up"));
        assertEquals(ServerState.UP, device.servers().get(0).state());
    }

    @Test
    void badServerInputIsRefusedAndChangesNothing() throws Exception {
        assertOk(fsctl("apply", configFile.toString()));
        FlowSwitchDevice device = FlowSwitchDevice.open(fake, map);
        List<ServerEntry> before = device.servers();
        String names = Files.readString(dir.resolve("names.json"));

        assertFails(fsctl("server", "add", "--service", "web", "--name", "web-9", "--mac", "02:00:zz:00:00:01",
                "--port", "1"), 2, "'02:00:zz:00:00:01' is not a MAC address");
        assertFails(fsctl("server", "add", "--service", "web", "--name", "web-9", "--mac", "01:00:5e:00:00:01",
                "--port", "1"), 2, "multicast");
        assertFails(fsctl("server", "add", "--service", "web", "--name", "web-9", "--mac", "02:00:00:00:00:09",
                "--port", "7"), 2, "port 7 does not exist; the device has ports 0..3");
        assertFails(fsctl("server", "add", "--service", "web", "--name", "web-9", "--mac", "02:00:00:00:00:09",
                "--port", "1", "--weight", "70000"), 2, "weight");
        assertFails(fsctl("server", "add", "--service", "mail", "--name", "m-1", "--mac", "02:00:00:00:00:09",
                "--port", "1"), 2, "no service 'mail' on the device");
        assertFails(fsctl("server", "add", "--service", "web", "--name", "web-1", "--mac", "02:00:00:00:00:09",
                "--port", "1"), 2, "service 'web' already has a server 'web-1'");
        assertFails(fsctl("server", "add", "--service", "web", "--name", "web-9", "--mac", "02:00:00:00:00:09",
                "--port", "1", "--state", "sleeping"), 2, "'sleeping' is not a server state; expected down, up, drain");
        assertFails(fsctl("server", "set", "--name", "web-1"), 2, "nothing to change");
        assertFails(fsctl("server", "del", "--name", "nobody"), 2, "no server 'nobody' on the device");

        assertEquals(before, device.servers());
        assertEquals(names, Files.readString(dir.resolve("names.json")));
    }

    @Test
    void statsPrintsEveryCounterAsTablesAndJson() throws Exception {
        assertOk(fsctl("apply", configFile.toString()));
        fake.setCounter(map.counter(Group.PORT, 1, "tx_bytes"), 0x1_0000_0000L);
        fake.setCounter(map.counter(Group.SERVER, 2, "new_flows"), 17);
        fake.setCounter(map.counter(Group.SERVICE, 0, "packets"), 5);
        fake.setCounter(map.counter(Group.FLOW, -1, "misses"), 3);
        fake.setCounter(map.counter(Group.DROP, -1, "no_server"), 2);
        fake.flows().fill(6);
        fake.setMacOccupancy(4);

        Result json = fsctl("stats", "--json");
        assertOk(json);
        JsonNode stats = json.json();
        assertEquals(4, stats.get("ports").size());
        assertEquals(0x1_0000_0000L, stats.get("ports").get(1).get("tx_bytes").asLong());
        assertEquals(1, stats.get("ports").get(1).get("port").asInt());
        assertEquals("dns-1", stats.get("servers").get(2).get("name").asText());
        assertEquals(17, stats.get("servers").get(2).get("new_flows").asLong());
        assertEquals("slot3", stats.get("servers").get(3).get("name").asText());
        assertEquals(5, stats.get("services").get(0).get("packets").asLong());
        assertEquals(3, stats.get("flow").get("misses").asLong());
        fake.setCounter(map.counter(Group.FLOW, -1, "insert_fail"), 11);
        fake.setCounter(map.counter(Group.FLOW, -1, "aged_out"), 12);
        JsonNode flow = fsctl("stats", "--json").json().get("flow");
        assertEquals(List.of("hits", "misses", "inserts", "insert_fail", "reassigns", "stash_inserts", "relocations",
                "aged_out", "deleted", "occupancy"), fieldNames(flow));
        assertEquals(11, flow.get("insert_fail").asLong());
        assertEquals(12, flow.get("aged_out").asLong());
        assertEquals(6, stats.get("flow").get("occupancy").asInt());
        assertEquals(2, stats.get("drops").get("no_server").asLong());
        assertEquals(4, stats.get("mac").get("occupancy").asInt());

        Result table = fsctl("stats");
        assertOk(table);
        String out = table.out();
        for (String title : List.of("ports", "services", "servers", "flow", "drops", "mac")) {
            assertTrue(out.lines().anyMatch(title::equals), "no " + title + " table in\n" + out);
        }
        assertTrue(out.lines().anyMatch(l -> l.matches("1\\s+0\\s+0\\s+0\\s+4294967296\\s+0")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("2\\s+dns-1\\s+0\\s+0\\s+17(\\s+0)*")), out);
    }

    @Test
    void applyRefusesAFileThatIsWrongOrDoesNotFit() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.yaml"),
                Fixtures.config().toYaml().replace("02:00:00:00:01:02", "02:00:00:00:01"));
        assertFails(fsctl("apply", broken.toString()), 2, broken.toString());
        assertFails(fsctl("apply", dir.resolve("missing.yaml").toString()), 2, "missing.yaml");
        // Valid for a 6-port build, but this device has 4 ports.
        Path bigger = Files.writeString(dir.resolve("bigger.yaml"), Fixtures.config().toYaml()
                .replace("ports: 4", "ports: 6")
                .replace("ports:\n", "ports:\n  - index: 4\n    role: server\n  - index: 5\n    role: server\n")
                .replace("port: 1\n", "port: 5\n"));
        assertFails(fsctl("apply", bigger.toString()), 2, "port 5 does not exist");
        assertEquals(List.of(), fake.writes(), "the config is checked before the device is even read");
        assertFalse(Files.exists(dir.resolve("names.json")));
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertFails(fsctlRaw("info"), 2, "no device given: add --device sim:PATH, serial:/dev/ttyX[@baud] or pcie:BDF");
        assertFails(fsctlRaw("--device", "serial:/dev/ttyUSB0@1234", "info"), 2, "baud rate 1234 is not one");
        // A board carries no register map: nothing is opened until one is given.
        assertFails(fsctlRaw("--device", "pcie:0000:01:00.0", "info"), 2, "no register map for pcie:0000:01:00.0");
        assertFails(fsctlRaw("--device", "serial:/dev/ttyUSB0", "info"), 2, "give --regmap FILE");
        assertFails(fsctl("frobnicate"), 2, "frobnicate");
        assertFails(fsctl(), 2, "Missing required subcommand");
        assertFails(fsctl("server"), 2, "Missing required subcommand");
    }

    @Test
    void helpNeedsNoDevice() {
        Result help = fsctlRaw("server", "add", "--help");
        assertOk(help);
        assertTrue(help.out().startsWith("Usage: fsctl server add"), help.out());
        assertTrue(help.out().contains("--state=<state>"), help.out());
    }

    @Test
    void theRegisterMapComesFromTheOptionTheEnvironmentOrBesideTheSocket() throws Exception {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere")).resolve("map.json");
        Files.move(dir.resolve("regmap.json"), elsewhere);
        assertFails(fsctl("info"), 2, dir.resolve("regmap.json") + " not found");
        assertOk(fsctl("--regmap", elsewhere.toString(), "info"));
        env.put(Fsctl.REGMAP_ENV, elsewhere.toString());
        assertOk(fsctl("info"));
        // The option wins over the environment.
        assertFails(fsctl("--regmap", dir.resolve("nope.json").toString(), "info"), 2, "nope.json not found");
        // Names live next to the map that was used.
        assertOk(fsctl("apply", configFile.toString()));
        assertTrue(Files.exists(elsewhere.resolveSibling("names.json")));
    }

    @Test
    void deviceErrorsExitWithOne() {
        fake.setRegister("BUILD", 0x0BADBEEF);
        assertFails(fsctl("info"), 1, "identify: BUILD reads 0xbadbeef but register map");
        runner.stopServer();
        assertFails(fsctl("info"), 1, "sim:" + socket + ": connect: no simulator is serving this socket");
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> names(JsonNode rows) {
        List<String> names = new ArrayList<>();
        rows.forEach(r -> names.add(r.get("name").asText()));
        return names;
    }
}
