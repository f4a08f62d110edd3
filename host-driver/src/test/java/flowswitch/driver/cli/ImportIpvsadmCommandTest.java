package flowswitch.driver.cli;

import static flowswitch.driver.cli.FsctlRunner.assertFails;
import static flowswitch.driver.cli.FsctlRunner.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import flowswitch.config.HardwareParams;
import flowswitch.config.MacAddress;
import flowswitch.config.PortRole;
import flowswitch.config.SwitchConfig;
import flowswitch.driver.cli.FsctlRunner.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** import-ipvsadm from files, onto the device through apply. */
class ImportIpvsadmCommandTest {
    /** `ipvsadm-save -n` of a director whose real servers all sit on the fixture's one server port. */
    private static final String SAVED = """
            -A -t 192.0.2.10:80 -s wrr -p 300
            -a -t 192.0.2.10:80 -r 10.0.0.11:80 -g -w 3
            -a -t 192.0.2.10:80 -r 10.0.0.12:80 -g -w 1
            -A -u 192.0.2.53:53 -s rr
            -a -u 192.0.2.53:53 -r 10.0.0.21:53 -g -w 1
            """;

    @TempDir
    Path dir;

    private FsctlRunner fsctl;
    private Path rules;
    private Path neighbors;

    @BeforeEach
    void start() throws Exception {
        fsctl = new FsctlRunner(dir);
        rules = Files.writeString(dir.resolve("ipvsadm.rules"), SAVED);
        neighbors = Files.writeString(dir.resolve("neigh.txt"), """
                10.0.0.11 dev eth1 lladdr 52:54:00:0a:00:0b REACHABLE
                10.0.0.12 dev eth1 lladdr 52:54:00:0a:00:0c STALE
                10.0.0.99 dev eth1  FAILED
                """);
    }

    @AfterEach
    void stop() {
        fsctl.close();
    }

    @Test
    void theImportedConfigAppliesToTheDevice() throws Exception {
        Path out = dir.resolve("imported.yaml");
        Result result = fsctl.raw("import-ipvsadm", rules.toString(), "--base", fsctl.configFile().toString(),
                "--neighbors", neighbors.toString(), "--mac", "10.0.0.21=52:54:00:0a:00:15",
                "--port", "10.0.0.11=1", "--port", "10.0.0.12=1", "--port", "10.0.0.21=1", "--out", out.toString());
        assertEquals(0, result.exit(), result.err());
        assertEquals("fsctl: warning: " + rules + ": line 1: left out -p 300 (persistence): the switch has no"
                + " equivalent\n", result.err());
        assertEquals("wrote " + out + ": 2 services, 3 servers\n", result.out());
        assertTrue(Files.readString(out).startsWith("# imported from " + rules + " by fsctl import-ipvsadm\n"));

        assertOk(fsctl.fsctl("apply", out.toString()));
        JsonNode servers = fsctl.fsctl("server", "list", "--json").json();
        assertEquals("tcp-192-0-2-10-80", servers.get(0).get("service").asText());
        assertEquals("10-0-0-11", servers.get(0).get("name").asText());
        assertEquals("52:54:00:0a:00:0b", servers.get(0).get("mac").asText());
        assertEquals(3, servers.get(0).get("weight").asInt());
        assertEquals("52:54:00:0a:00:15", servers.get(2).get("mac").asText());
        assertEquals("rr", fsctl.fsctl("service", "list", "--json").json().get(1).get("scheduler").asText());
    }

    @Test
    void withoutABaseTheDefaultHardwareAndTheGivenMacAndUplinksAreUsed() throws Exception {
        Result result = fsctl.raw("import-ipvsadm", rules.toString(), "--switch-mac", "02:00:00:00:00:fe",
                "--uplink", "0,3", "--neighbors", neighbors.toString(), "--mac", "10.0.0.21=52:54:00:0a:00:15",
                "--port", "10.0.0.11=1", "--port", "10.0.0.12=2", "--port", "10.0.0.21=2");
        assertEquals(0, result.exit(), result.err());
        SwitchConfig config = SwitchConfig.parse(result.out(), "stdout");
        assertEquals(HardwareParams.defaults(), config.hardware());
        assertEquals(MacAddress.parse("02:00:00:00:00:fe"), config.switchMac());
        assertEquals(PortRole.UPLINK, config.ports().get(3).role());
        assertEquals(PortRole.SERVER, config.ports().get(2).role());
        assertEquals(0b1001, config.uplinkMask());
    }

    @Test
    void whatCannotBeExpressedIsRefusedWithItsLineAndNothingIsWritten() throws Exception {
        Path nat = Files.writeString(dir.resolve("nat.rules"), SAVED.replace("10.0.0.12:80 -g", "10.0.0.12:80 -m")
                .replace("-s rr", "-s sh"));
        Path out = dir.resolve("imported.yaml");
        Result result = fsctl.raw("import-ipvsadm", nat.toString(), "--switch-mac", "02:00:00:00:00:fe",
                "--neighbors", neighbors.toString(), "--port", "10.0.0.11=1", "--port", "10.0.0.12=1",
                "--out", out.toString());
        assertFails(result, 2, nat + ": 4 problems: line 4: scheduler 'sh' of service udp 192.0.2.53:53 is not one"
                + " the hardware has; it has rr, wrr, lc, wlc, mh; line 3: real server 10.0.0.12 of tcp 192.0.2.10:80 uses NAT"
                + " (masquerading) (-m)");
        assertTrue(result.err().contains("line 5: real server 10.0.0.21 of udp 192.0.2.53:53: no MAC address known"
                + " for 10.0.0.21"), result.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void badOptionsAreRefused() {
        assertFails(fsctl.raw("import-ipvsadm", rules.toString()), 2, "give --switch-mac MAC, or --base FILE");
        assertFails(fsctl.raw("import-ipvsadm", rules.toString(), "--base", "x.yaml", "--switch-mac",
                "02:00:00:00:00:fe"), 2, "--switch-mac and --uplink replace --base");
        assertFails(fsctl.raw("import-ipvsadm", rules.toString(), "--switch-mac", "02:00:00:00:00:fe", "--uplink",
                "7"), 2, "--uplink 7: the default hardware has ports 0..3");
        assertFails(fsctl.raw("import-ipvsadm", rules.toString(), "--switch-mac", "02:00:00:00:00:fe", "--mac",
                "10.0.0.11=zz"), 2, "'zz' is not a MAC address");
        assertFails(fsctl.raw("import-ipvsadm", rules.toString(), "--switch-mac", "02:00:00:00:00:fe", "--port",
                "10.0.0.11=one"), 2, "'one' is not a switch port number");
        assertFails(fsctl.raw("import-ipvsadm", dir.resolve("missing.rules").toString(), "--switch-mac",
                "02:00:00:00:00:fe"), 2, "no such file: " + dir.resolve("missing.rules"));
    }
}
