package flowswitch.driver.cli;

import static flowswitch.driver.cli.FsctlRunner.assertFails;
import static flowswitch.driver.cli.FsctlRunner.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import flowswitch.config.Ipv4Address;
import flowswitch.config.Protocol;
import flowswitch.driver.api.FlowKey;
import flowswitch.driver.cli.FsctlRunner.Result;
import flowswitch.driver.fake.FakeFlowTable;
import flowswitch.driver.fake.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** flows list|show|add|del|flush|count through fsctl, by service and server names, against the fake's table. */
class FlowsVerbTest {
    private static final FlowKey WEB_CLIENT = new FlowKey(0, Ipv4Address.parse("198.51.100.7"), 40000, 80,
            Protocol.TCP);
    private static final FlowKey DNS_CLIENT = new FlowKey(1, Ipv4Address.parse("198.51.100.9"), 5353, 53,
            Protocol.UDP);

    @TempDir
    Path dir;

    private FsctlRunner fsctl;

    @BeforeEach
    void applyTheFixture() throws Exception {
        fsctl = new FsctlRunner(dir);
        assertOk(fsctl.fsctl("apply", fsctl.configFile().toString()));
        // web-2 is server slot 1, dns-1 slot 2 (Fixtures.config()).
        fsctl.fake.flows().put(5, FakeFlowTable.entry(WEB_CLIENT, 1, 0, 123));
        fsctl.fake.flows().put(64, FakeFlowTable.entry(DNS_CLIENT, 2, 2, 4));
    }

    @AfterEach
    void stop() {
        fsctl.close();
    }

    @Test
    void listShowsEveryFlowByNameAsATableAndAsJson() throws Exception {
        Result table = fsctl.fsctl("flows", "list");
        assertOk(table);
        assertEquals("""
                LOCATION  SERVICE  PROTO  CLIENT              VIP_PORT  SERVER  KIND  IDLE
                5         web      tcp    198.51.100.7:40000  80        web-2   tcp   12.3s
                64        dns      udp    198.51.100.9:5353   53        dns-1   udp   0.4s
                """, table.out());

        JsonNode json = fsctl.fsctl("flows", "list", "--json").json();
        assertEquals(2, json.size());
        JsonNode web = json.get(0);
        assertEquals(5, web.get("location").asInt());
        assertEquals("web", web.get("service").asText());
        assertEquals(0, web.get("service_slot").asInt());
        assertEquals("198.51.100.7", web.get("client").asText());
        assertEquals(40000, web.get("client_port").asInt());
        assertEquals(80, web.get("vip_port").asInt());
        assertEquals("web-2", web.get("server").asText());
        assertEquals(1, web.get("server_slot").asInt());
        assertEquals("tcp", web.get("kind").asText());
        assertEquals(12.3, web.get("idle_seconds").asDouble(), 1e-9);
    }

    @Test
    void listFiltersByServiceAndServer() throws Exception {
        assertEquals(List.of("dns"), services(fsctl.fsctl("flows", "list", "--service", "dns", "--json").json()));
        assertEquals(List.of("web"), services(fsctl.fsctl("flows", "list", "--server", "web-2", "--json").json()));
        assertEquals(List.of(), services(fsctl.fsctl("flows", "list", "--service", "web", "--server", "web-1",
                "--json").json()));
        assertFails(fsctl.fsctl("flows", "list", "--service", "mail"), 2, "no service 'mail' on the device");
        assertFails(fsctl.fsctl("flows", "list", "--server", "nobody"), 2, "no server 'nobody' on the device");
        assertFails(fsctl.fsctl("flows", "list", "--service", "dns", "--server", "web-2"), 2,
                "no server 'dns/web-2' on the device");
    }

    @Test
    void showFindsOneConnectionByItsServiceAndClient() throws Exception {
        Result show = fsctl.fsctl("flows", "show", "--service", "web", "--client", "198.51.100.7:40000");
        assertOk(show);
        assertTrue(show.out().lines().anyMatch(l -> l.matches("5\\s+web\\s+tcp\\s+198\\.51\\.100\\.7:40000\\s+80\\s+"
                + "web-2\\s+tcp\\s+12\\.3s")), show.out());
        JsonNode json = fsctl.fsctl("flows", "show", "--service", "dns", "--client", "198.51.100.9:5353", "--port",
                "53", "--json").json();
        assertEquals("dns-1", json.get("server").asText());

        assertFails(fsctl.fsctl("flows", "show", "--service", "web", "--client", "198.51.100.7:40001"), 1,
                "the flow table holds no flow web 198.51.100.7:40001; `fsctl flows list --service web` shows its"
                        + " flows");
        assertFails(fsctl.fsctl("flows", "show", "--service", "web", "--client", "198.51.100.7:40000", "--port",
                "81"), 2, "service 'web' listens on port 80 only, so no flow of it has VIP port 81");
        assertFails(fsctl.fsctl("flows", "show", "--service", "web", "--client", "198.51.100.7"), 2,
                "'198.51.100.7' is not a client address; expected IP:PORT");
        assertFails(fsctl.fsctl("flows", "show", "--service", "web", "--client", "198.51.100.7:70000"), 2,
                "is not a client address");
    }

    @Test
    void addPinsAConnectionToAServerOfItsServiceAndDelRemovesIt() throws Exception {
        Result add = fsctl.fsctl("flows", "add", "--service", "web", "--client", "203.0.113.5:1234", "--server",
                "web-1");
        assertOk(add);
        assertEquals("added flow web 203.0.113.5:1234 to server web-1 at location 0\n", add.out());
        FakeFlowTable.Entry stored = fsctl.fake.flows().at(0);
        assertEquals(List.of(0xCB007105L, 1234L, 80L, 6L, 0L, 0L), List.of(stored.ip(), stored.clientPort(),
                stored.vipPort(), stored.proto(), stored.service(), stored.server()));

        Result move = fsctl.fsctl("flows", "add", "--service", "web", "--client", "198.51.100.7:40000", "--server",
                "slot0");
        assertOk(move);
        assertEquals("moved flow web 198.51.100.7:40000 to server web-1 at location 5\n", move.out());
        assertEquals(0, fsctl.fake.flows().at(5).server());

        assertFails(fsctl.fsctl("flows", "add", "--service", "web", "--client", "203.0.113.6:1", "--server",
                "dns-1"), 2, "no server 'web/dns-1' on the device");
        int commands = fsctl.fake.flows().commands();
        assertFails(fsctl.fsctl("flows", "add", "--service", "web", "--client", "203.0.113.6:1"), 2,
                "Missing required option: '--server=NAME'");
        assertEquals(commands, fsctl.fake.flows().commands());

        Result del = fsctl.fsctl("flows", "del", "--service", "web", "--client", "198.51.100.7:40000");
        assertOk(del);
        assertEquals("deleted flow web 198.51.100.7:40000 (server web-1)\n", del.out());
        assertEquals(null, fsctl.fake.flows().at(5));
        assertFails(fsctl.fsctl("flows", "del", "--service", "web", "--client", "198.51.100.7:40000"), 1,
                "the flow table holds no flow web 198.51.100.7:40000");
    }

    @Test
    void aServiceOnAnyPortNeedsTheVipPort() throws Exception {
        assertOk(fsctl.fsctl("service", "set", "--name", "web", "--port", "0"));
        assertFails(fsctl.fsctl("flows", "del", "--service", "web", "--client", "198.51.100.7:40000"), 2,
                "service 'web' listens on any port, so its flows differ by VIP port too; give the port the client"
                        + " connected to");
        Result del = fsctl.fsctl("flows", "del", "--service", "web", "--client", "198.51.100.7:40000", "--port",
                "80");
        assertOk(del);
        assertEquals("deleted flow web 198.51.100.7:40000 -> port 80 (server web-2)\n", del.out());
    }

    @Test
    void countAndFlush() throws Exception {
        Result count = fsctl.fsctl("flows", "count");
        assertOk(count);
        assertEquals("2 flows in a table of 64 (1 in the stash)\n", count.out());
        JsonNode json = fsctl.fsctl("flows", "count", "--json").json();
        assertEquals(2, json.get("flows").asInt());
        assertEquals(1, json.get("in_stash").asInt());
        assertEquals(64, json.get("table_size").asInt());

        fsctl.fake.flows().setBusyReads(3);
        Result flush = fsctl.fsctl("flows", "flush");
        assertOk(flush);
        assertEquals("flushed the flow table (2 flows)\n", flush.out());
        assertEquals(1, fsctl.fake.flows().flushes());
        assertEquals("0 flows in a table of 64 (0 in the stash)\n", fsctl.fsctl("flows", "count").out());
        assertEquals("LOCATION  SERVICE  PROTO  CLIENT  VIP_PORT  SERVER  KIND  IDLE\n",
                fsctl.fsctl("flows", "list").out());
    }

    @Test
    void aTableThatNeverAnswersIsAnError() {
        fsctl.fake.flows().hang();
        assertFails(fsctl.fsctl("flows", "show", "--service", "web", "--client", "198.51.100.7:40000"), 1,
                "FLOW_STATUS.busy still reads 1 after 1000 reads; the flow table does not answer");
    }

    @Test
    void aRegisterMapWithoutFlowCommandsIsRefusedWithWhatToDo() throws Exception {
        Path old = dir.resolve("old");
        Files.createDirectory(old);
        try (FsctlRunner legacy = new FsctlRunner(old, Fixtures.regmapJsonWithout("FLOW_CMD"))) {
            for (String verb : List.of("list", "count", "flush")) {
                assertFails(legacy.fsctl("flows", verb), 2, "has no flow table commands (FLOW_CMD): it predates"
                        + " the block-RAM flow table");
            }
        }
    }

    private static List<String> services(JsonNode flows) {
        return flows.findValuesAsText("service");
    }
}
