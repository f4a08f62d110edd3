package flowswitch.driver.cli;

import static flowswitch.driver.cli.FsctlRunner.assertFails;
import static flowswitch.driver.cli.FsctlRunner.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import flowswitch.config.Ipv4Address;
import flowswitch.config.MacAddress;
import flowswitch.config.Protocol;
import flowswitch.config.RouterState;
import flowswitch.config.Scheduler;
import flowswitch.config.ServerDownPolicy;
import flowswitch.config.ServerState;
import flowswitch.driver.api.FlowSwitchDevice;
import flowswitch.driver.api.RouterEntry;
import flowswitch.driver.api.ServiceEntry;
import flowswitch.driver.cli.FsctlRunner.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** service, server state verbs, completion and help, through fsctl against the fake device. */
class OperatorVerbsTest {
    @TempDir
    Path dir;

    private FsctlRunner fsctl;
    private FlowSwitchDevice device;

    @BeforeEach
    void applyTheFixture() throws Exception {
        fsctl = new FsctlRunner(dir);
        assertOk(fsctl.fsctl("apply", fsctl.configFile().toString()));
        device = FlowSwitchDevice.open(fsctl.fake, fsctl.map);
    }

    @AfterEach
    void stop() {
        fsctl.close();
    }

    @Test
    void routersAreAddedMarkedDownAndUpAndDeleted() throws Exception {
        Result add = fsctl.fsctl("router", "add", "--name", "r1", "--mac", "02:00:00:00:09:01");
        assertOk(add);
        assertEquals("added router r1 in slot 0: mac 02:00:00:00:09:01, up\n", add.out());
        assertOk(fsctl.fsctl("router", "add", "--name", "r2", "--mac", "02:00:00:00:09:02", "--state", "down"));
        assertEquals(new RouterEntry(true, MacAddress.parse("02:00:00:00:09:02"), RouterState.DOWN),
                device.routers().get(1));

        assertOk(fsctl.fsctl("router", "down", "--name", "r1"));
        assertEquals(RouterState.DOWN, device.routers().get(0).state());
        assertOk(fsctl.fsctl("router", "up", "--name", "slot1"));
        JsonNode routers = fsctl.fsctl("router", "list", "--json").json();
        assertEquals(2, routers.size());
        assertEquals("r2", routers.get(1).get("name").asText());
        assertEquals("up", routers.get(1).get("state").asText());
        assertEquals("down", routers.get(0).get("state").asText());

        assertFails(fsctl.fsctl("router", "add", "--name", "r3", "--mac", "02:00:00:00:09:01"), 2,
                "router r1 (02:00:00:00:09:01) in slot 0 already has that MAC");
        assertFails(fsctl.fsctl("router", "down", "--name", "r9"), 2, "no router 'r9'; the routers are [r1, r2]");

        Result del = fsctl.fsctl("router", "del", "--name", "r1");
        assertOk(del);
        assertEquals("deleted router r1 from slot 0\n", del.out());
        assertEquals(RouterEntry.EMPTY, device.routers().get(0));
    }

    @Test
    void theDownServerPolicyIsSetPerService() throws Exception {
        Result set = fsctl.fsctl("service", "set", "--name", "web", "--on-server-down", "drop");
        assertOk(set);
        assertTrue(set.out().endsWith(" on_server_down drop\n"), set.out());
        assertEquals(ServerDownPolicy.DROP, device.services().get(0).onServerDown());
        assertEquals("drop", fsctl.fsctl("service", "list", "--json").json().get(0).get("on_server_down").asText());
        assertFails(fsctl.fsctl("service", "set", "--name", "web", "--on-server-down", "move"), 2,
                "'move'");
    }

    @Test
    void servicesAreAddedChangedAndDeleted() throws Exception {
        assertOk(fsctl.fsctl("service", "del", "--name", "dns"));
        Result add = fsctl.fsctl("service", "add", "--name", "mail", "--vip", "192.0.2.25", "--protocol", "tcp",
                "--port", "25");
        assertOk(add);
        assertEquals("added service mail in slot 1: tcp 192.0.2.25:25 wrr\n", add.out());
        assertEquals(new ServiceEntry(true, Ipv4Address.parse("192.0.2.25"), Protocol.TCP, 25, Scheduler.WRR),
                device.services().get(1));

        Result set = fsctl.fsctl("service", "set", "--name", "mail", "--scheduler", "rr", "--port", "587");
        assertOk(set);
        assertEquals("service mail in slot 1: tcp 192.0.2.25:587 rr\n", set.out());

        JsonNode services = fsctl.fsctl("service", "list", "--json").json();
        assertEquals(2, services.size());
        assertEquals("mail", services.get(1).get("name").asText());
        assertEquals(587, services.get(1).get("port").asInt());
        assertEquals(0, services.get(1).get("servers").asInt());
        assertTrue(fsctl.fsctl("service", "list").out().lines()
                .anyMatch(l -> l.matches("1\\s+mail\\s+192.0.2.25\\s+tcp\\s+587\\s+rr\\s+reassign\\s+0")));

        Result del = fsctl.fsctl("service", "del", "--name", "web");
        assertOk(del);
        assertEquals("deleted service web from slot 0 with its 2 servers\n", del.out());
        assertEquals(0, fsctl.fsctl("server", "list", "--json").json().size());
    }

    @Test
    void badServiceInputIsRefusedBeforeAnyWrite() {
        assertOk(fsctl.fsctl("service", "add", "--name", "ntp", "--vip", "192.0.2.123", "--protocol", "udp"));
        assertOk(fsctl.fsctl("service", "add", "--name", "ssh", "--vip", "192.0.2.22", "--protocol", "tcp"));
        int writes = fsctl.fake.writes().size();
        assertFails(fsctl.fsctl("service", "add", "--name", "x", "--vip", "192.0.2.1", "--protocol", "tcp",
                "--scheduler", "sh"), 2, "scheduler 'sh' is not one the hardware has; it has rr, wrr, lc, wlc, mh");
        assertFails(fsctl.fsctl("service", "add", "--name", "x", "--vip", "192.0.2", "--protocol", "tcp"), 2,
                "'192.0.2' is not an IPv4 address");
        assertFails(fsctl.fsctl("service", "add", "--name", "x", "--vip", "192.0.2.1", "--protocol", "sctp"), 2,
                "'sctp' is not a protocol; expected tcp, udp");
        assertFails(fsctl.fsctl("service", "add", "--name", "Web!", "--vip", "192.0.2.1", "--protocol", "tcp"), 2,
                "'Web!' is not a valid name");
        assertFails(fsctl.fsctl("service", "add", "--name", "x", "--vip", "192.0.2.1", "--protocol", "tcp", "--port",
                "70000"), 2, "port: 70000 is out of range");
        assertFails(fsctl.fsctl("service", "add", "--name", "x", "--vip", "192.0.2.1", "--protocol", "tcp"), 2,
                "all 4 service slots are in use");
        assertFails(fsctl.fsctl("service", "set", "--name", "web"), 2, "nothing to change");
        assertFails(fsctl.fsctl("service", "del", "--name", "mail"), 2, "no service 'mail' on the device");
        assertTrue(fsctl.fake.writes().subList(writes, fsctl.fake.writes().size()).stream()
                .allMatch(w -> w.register().endsWith("_INDEX")), "only the reads' slot selects");
    }

    @Test
    void drainUpAndDownSetTheStateAndNothingElse() throws Exception {
        Result drain = fsctl.fsctl("server", "drain", "--name", "web-1");
        assertOk(drain);
        assertEquals("server web/web-1 in slot 0: mac 02:00:00:00:01:01, port 1, weight 3, drain\n", drain.out());
        assertEquals(ServerState.DRAIN, device.servers().get(0).state());
        assertOk(fsctl.fsctl("server", "down", "--name", "web-1", "--service", "web"));
        assertEquals(ServerState.DOWN, device.servers().get(0).state());
        assertOk(fsctl.fsctl("server", "up", "--name", "slot0"));
        assertEquals(ServerState.UP, device.servers().get(0).state());
        assertEquals(3, device.servers().get(0).weight());

        // The same name in two services needs --service.
        assertOk(fsctl.fsctl("server", "add", "--service", "dns", "--name", "web-1", "--mac", "02:00:00:00:02:09",
                "--port", "1"));
        assertFails(fsctl.fsctl("server", "drain", "--name", "web-1"), 2,
                "server 'web-1' exists in services [web, dns]; name the service too");
        assertOk(fsctl.fsctl("server", "drain", "--name", "web-1", "--service", "dns"));
        assertEquals(ServerState.DRAIN, device.servers().get(3).state());
        assertEquals(ServerState.UP, device.servers().get(0).state());

        JsonNode dns = fsctl.fsctl("server", "list", "--service", "dns", "--json").json();
        assertEquals(List.of("dns-1", "web-1"), List.of(dns.get(0).get("name").asText(), dns.get(1).get("name")
                .asText()));
        assertFails(fsctl.fsctl("server", "up", "--name", "nobody"), 2, "no server 'nobody' on the device");
        assertFails(fsctl.fsctl("server", "set", "--name", "web-2", "--port", "0"), 2, "port 0 is an uplink port");
    }

    @Test
    void completionPrintsABashScriptThatKnowsTheVerbs() {
        Result completion = fsctl.raw("completion");
        assertOk(completion);
        assertTrue(completion.out().contains("complete -F"), completion.out());
        for (String verb : List.of("import-ipvsadm", "exporter", "drain", "flush", "--dry-run")) {
            assertTrue(completion.out().contains(verb), verb);
        }
    }

    @Test
    void everyCommandHasHelpThatNeedsNoDevice() {
        List<CommandLine> commands = new ArrayList<>();
        collect(new CommandLine(new Fsctl(fsctl.env)), commands);
        assertTrue(commands.size() > 25, commands.size() + " commands");
        for (CommandLine command : commands) {
            List<String> path = new ArrayList<>();
            for (CommandLine c = command; c.getParent() != null; c = c.getParent()) {
                path.add(0, c.getCommandName());
            }
            path.add("--help");
            Result help = fsctl.raw(path.toArray(String[]::new));
            assertOk(help);
            assertTrue(help.out().startsWith("Usage: " + command.getCommandSpec().qualifiedName()), help.out());
            assertFalse(help.out().isBlank());
        }
        assertTrue(fsctl.raw("--help").out().contains("Exit codes:"));
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, into));
    }
}
