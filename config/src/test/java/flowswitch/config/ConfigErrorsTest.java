package flowswitch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Each kind of mistake in a config text, and where the error points. Line numbers refer to {@link #VALID}. */
class ConfigErrorsTest {
    private static final String VALID = """
            switch:
              mac: "02:00:00:00:00:fe"
            ports:
              - index: 0
                role: uplink
              - index: 1
                role: server
              - index: 2
                role: server
              - index: 3
                role: server
            services:
              - name: web
                vip: 192.31.65.1
                protocol: tcp
                port: 80
                servers:
                  - name: s1
                    mac: "02:00:00:00:01:01"
                    port: 1
                  - name: s2
                    mac: "02:00:00:00:01:02"
                    port: 2
            """;

    /** A second service, appended at line 24. */
    private static final String DNS = """
              - name: dns
                vip: 192.31.65.2
                protocol: udp
                servers:
                  - name: d1
                    mac: "02:00:00:00:02:01"
                    port: 3
            """;

    @Test
    void validTextParses() throws ConfigException {
        assertEquals(2, SwitchConfig.parse(VALID, "t.yaml").serverSlots().size());
        assertEquals(3, SwitchConfig.parse(VALID + DNS, "t.yaml").serverSlots().size());
    }

    // --- YAML syntax ---

    @Test
    void yamlSyntaxErrorCarriesSnakeYamlPosition() {
        ConfigException e = error(replace(VALID, 14, "    vip: 192.31.65.1: x"));
        assertAt(e, 14, 21, "");
        assertProblem(e, "invalid YAML", "mapping values are not allowed here");
    }

    @Test
    void tabIndentationIsASyntaxError() {
        ConfigException e = error(replace(VALID, 16, "\tport: 80"));
        assertEquals(16, e.line());
        assertProblem(e, "invalid YAML");
    }

    @Test
    void moreThanOneDocumentIsRefused() {
        ConfigException e = error(VALID + "---\nswitch: {}\n");
        assertEquals(24, e.line());
        assertProblem(e, "expected a single document");
    }

    @Test
    void emptyTextIsRefused() {
        ConfigException e = error("# nothing yet\n");
        assertAt(e, 0, 0, "");
        assertEquals("t.yaml: the file is empty; it needs at least the keys switch and ports", e.getMessage());
    }

    // --- unknown and duplicate keys ---

    @Test
    void unknownTopLevelKeyNamesTheAllowedOnes() {
        ConfigException e = error(replace(VALID, 12, "servcies:"));
        assertAt(e, 12, 1, "servcies");
        assertProblem(e, "unknown key 'servcies'; allowed keys here: hardware, switch, ports, services");
    }

    @Test
    void misspeltOptionalKeyDoesNotPassSilently() {
        ConfigException e = error(insertAfter(VALID, 20, "        wieght: 5"));
        assertAt(e, 21, 9, "services[0].servers[0].wieght");
        assertProblem(e, "unknown key 'wieght'; allowed keys here: name, mac, port, weight, state");
    }

    @Test
    void unknownHardwareKeyIsRefused() {
        ConfigException e = error("hardware:\n  port: 8\n" + VALID);
        assertAt(e, 2, 3, "hardware.port");
        assertProblem(e, "allowed keys here: data_width, ports, max_servers");
    }

    @Test
    void duplicateKeyIsRefused() {
        ConfigException e = error(insertAfter(VALID, 16, "    port: 81"));
        assertAt(e, 17, 5, "services[0].port");
        assertProblem(e, "key 'port' is given twice (first on line 16)");
    }

    // --- wrong types ---

    @Test
    void textWhereANumberBelongs() {
        ConfigException e = error(replace(VALID, 20, "        port: one"));
        assertAt(e, 20, 15, "services[0].servers[0].port");
        assertProblem(e, "expected a whole number in decimal; found 'one'");
    }

    @Test
    void quotedNumberIsText() {
        ConfigException e = error(replace(VALID, 16, "    port: \"80\""));
        assertAt(e, 16, 11, "services[0].port");
        assertProblem(e, "'80' is quoted text; write the number without quotes");
    }

    @Test
    void yamlOctalIsNotTakenForDecimal() {
        ConfigException e = error(replace(VALID, 16, "    port: 080"));
        assertAt(e, 16, 11, "services[0].port");
        assertProblem(e, "expected a whole number in decimal; found '080'");
    }

    @Test
    void listWhereAValueBelongs() {
        ConfigException e = error(replace(VALID, 2, "  mac: [02, 00]"));
        assertAt(e, 2, 8, "switch.mac");
        assertProblem(e, "expected a single value; found a list");
    }

    @Test
    void valueWhereAMappingBelongs() {
        ConfigException e = error("hardware: 64\n" + VALID);
        assertAt(e, 1, 11, "hardware");
        assertProblem(e, "expected a mapping with the keys data_width, ports,", "found '64'");
    }

    @Test
    void mappingWhereAListBelongs() {
        String yaml = VALID.substring(0, VALID.indexOf("    servers:")) + "    servers: {name: s1}\n";
        ConfigException e = error(yaml);
        assertAt(e, 17, 14, "services[0].servers");
        assertProblem(e, "expected a list (write [] for an empty one); found a mapping");
    }

    @Test
    void emptyValueIsNotTakenForADefault() {
        ConfigException e = error(replace(VALID, 15, "    protocol:"));
        assertEquals(15, e.line());
        assertEquals("services[0].protocol", e.field());
        assertProblem(e, "found no value");
    }

    @Test
    void numberTooLargeForAnyField() {
        ConfigException e = error(replace(VALID, 16, "    port: 99999999999"));
        assertAt(e, 16, 11, "services[0].port");
        assertProblem(e, "far out of range");
    }

    // --- missing required fields ---

    @Test
    void missingServerMac() {
        ConfigException e = error(replace(VALID, 19, ""));
        assertAt(e, 18, 9, "services[0].servers[0].mac");
        assertProblem(e, "is missing; this key is required");
    }

    @Test
    void missingSwitchSection() {
        ConfigException e = error(replace(replace(VALID, 1, ""), 2, ""));
        assertAt(e, 3, 1, "switch");
        assertProblem(e, "is missing");
    }

    // --- bad values ---

    @Test
    void badMacHasTheDocumentedMessage() {
        ConfigException e = error(replace(VALID, 22, "        mac: \"02:00:zz\""));
        assertAt(e, 22, 14, "services[0].servers[1].mac");
        assertEquals("t.yaml:22:14: services[0].servers[1].mac: '02:00:zz' is not a MAC address; expected six hex"
                + " octets like 02:00:00:00:00:01", e.getMessage());
    }

    @Test
    void multicastSwitchMac() {
        ConfigException e = error(replace(VALID, 2, "  mac: \"01:00:5e:00:00:01\""));
        assertAt(e, 2, 8, "switch.mac");
        assertProblem(e, "is a multicast address; expected a unicast MAC");
    }

    @Test
    void multicastServerMac() {
        ConfigException e = error(replace(VALID, 19, "        mac: ff:ff:ff:ff:ff:ff"));
        assertAt(e, 19, 14, "services[0].servers[0].mac");
        assertProblem(e, "multicast");
    }

    @Test
    void badVip() {
        ConfigException e = error(replace(VALID, 14, "    vip: 192.31.65.256"));
        assertAt(e, 14, 10, "services[0].vip");
        assertProblem(e, "'192.31.65.256' is not an IPv4 address");
    }

    @Test
    void unknownRoleNamesTheChoices() {
        ConfigException e = error(replace(VALID, 5, "    role: router"));
        assertAt(e, 5, 11, "ports[0].role");
        assertProblem(e, "'router' is not allowed; expected one of uplink, server");
    }

    @Test
    void unknownScheduler() {
        ConfigException e = error(insertAfter(VALID, 16, "    scheduler: sh"));
        assertAt(e, 17, 16, "services[0].scheduler");
        assertProblem(e, "expected one of rr, wrr, lc, wlc, mh");
    }

    @Test
    void enumSpellingIsLowerCase() {
        ConfigException e = error(insertAfter(VALID, 20, "        state: UP"));
        assertAt(e, 21, 16, "services[0].servers[0].state");
        assertProblem(e, "expected one of down, up, drain");
    }

    @Test
    void badServiceName() {
        ConfigException e = error(replace(VALID, 13, "  - name: Web"));
        assertAt(e, 13, 11, "services[0].name");
        assertProblem(e, "'Web' is not a valid name; expected 1..32 characters");
    }

    // --- out of range ---

    @Test
    void weightOutOfRange() {
        ConfigException e = error(insertAfter(VALID, 20, "        weight: 70000"));
        assertAt(e, 21, 17, "services[0].servers[0].weight");
        assertProblem(e, "70000 is out of range; expected 0..65535");
    }

    @Test
    void servicePortOutOfRange() {
        ConfigException e = error(replace(VALID, 16, "    port: 65536"));
        assertAt(e, 16, 11, "services[0].port");
        assertProblem(e, "65536 is out of range; expected 0..65535");
    }

    @Test
    void hardwareParameterOutOfRange() {
        ConfigException e = error("hardware:\n  data_width: 64\n  max_servers: 12\n" + VALID);
        assertAt(e, 3, 16, "hardware.max_servers");
        assertProblem(e, "12 is not allowed; expected a power of two in 2..256");
    }

    @Test
    void frameSizeNotAWholeNumberOfBeats() {
        ConfigException e = error("hardware:\n  max_frame_bytes: 2056\n  data_width: 256\n" + VALID);
        assertAt(e, 2, 20, "hardware.max_frame_bytes");
        assertProblem(e, "2056 is not a multiple of 32 (data_width / 8)");
    }

    @Test
    void portIndexBeyondTheHardware() {
        ConfigException e = error(replace(VALID, 10, "  - index: 4"));
        assertAt(e, 10, 12, "ports[3].index");
        assertProblem(e, "4 is out of range; this switch has ports 0..3 (hardware.ports: 4)");
    }

    // --- ports ---

    @Test
    void portListedTwice() {
        ConfigException e = error(replace(VALID, 10, "  - index: 2"));
        assertAt(e, 10, 12, "ports[3].index");
        assertProblem(e, "port 2 is already listed at ports[2]");
    }

    @Test
    void portNotListed() {
        ConfigException e = error(replace(replace(VALID, 10, ""), 11, ""));
        assertAt(e, 4, 3, "ports");
        assertProblem(e, "port 3 is not listed; list every port 0..3 exactly once");
    }

    @Test
    void noUplinkPort() {
        ConfigException e = error(replace(VALID, 5, "    role: server"));
        assertAt(e, 4, 3, "ports");
        assertProblem(e, "no port has role uplink");
    }

    // --- duplicates ---

    @Test
    void duplicateServiceName() {
        ConfigException e = error(VALID + replace(DNS, 1, "  - name: web"));
        assertAt(e, 24, 11, "services[1].name");
        assertProblem(e, "'web' is already the name of services[0]");
    }

    @Test
    void duplicateVipProtocolAndPort() {
        ConfigException e = error(VALID + replace(replace(DNS, 2, "    vip: 192.31.65.1"), 3,
                "    protocol: tcp\n    port: 80"));
        assertAt(e, 25, 10, "services[1].vip");
        assertProblem(e, "192.31.65.1 tcp port 80 is already used by services[0] 'web'");
    }

    @Test
    void sameVipOnAnotherPortIsFine() throws ConfigException {
        String dnsOnVip = replace(replace(DNS, 2, "    vip: 192.31.65.1"), 3, "    protocol: tcp\n    port: 443");
        assertEquals(2, SwitchConfig.parse(VALID + dnsOnVip, "t.yaml").services().size());
    }

    @Test
    void duplicateServerNameInAService() {
        ConfigException e = error(replace(VALID, 21, "      - name: s1"));
        assertAt(e, 21, 15, "services[0].servers[1].name");
        assertProblem(e, "'s1' is already the name of servers[0]; server names must be unique in a service");
    }

    // --- references to ports ---

    @Test
    void serverOnMissingPort() {
        ConfigException e = error(replace(VALID, 23, "        port: 7"));
        assertAt(e, 23, 15, "services[0].servers[1].port");
        assertProblem(e, "port 7 does not exist; this switch has ports 0..3");
    }

    @Test
    void serverOnUplinkPort() {
        ConfigException e = error(replace(VALID, 23, "        port: 0"));
        assertAt(e, 23, 15, "services[0].servers[1].port");
        assertProblem(e, "port 0 has role uplink; a server must hang on a port with role server");
    }

    // --- capacity ---

    @Test
    void tooManyServices() {
        ConfigException e = error("hardware:\n  max_services: 1\n" + VALID + DNS);
        assertAt(e, 26, 5, "services[1]");
        assertProblem(e, "too many services: 2 listed but hardware.max_services is 1");
    }

    @Test
    void tooManyServersAcrossServices() {
        ConfigException e = error("hardware:\n  max_servers: 2\n" + VALID + DNS);
        assertAt(e, 30, 9, "services[1].servers[0]");
        assertProblem(e, "too many servers: the services list 3 but hardware.max_servers is 2");
    }

    @Test
    void aMaglevTableTooSmallForMaxServersNamesTheSmallestThatFits() {
        ConfigException e = error("hardware:\n  max_servers: 4\n  maglev_table_size: 397\n" + VALID);
        assertAt(e, 3, 22, "hardware.maglev_table_size");
        assertProblem(e, "expected a prime in 400..65521", "such as 401");
    }

    @Test
    void theMaglevTableSizeFollowsMaxServersUnlessGiven() throws ConfigException {
        assertEquals(401, SwitchConfig.parse("hardware:\n  max_servers: 4\n" + VALID, "t.yaml").hardware()
                .maglevTableSize());
        assertEquals(1609, SwitchConfig.parse("hardware:\n  maglev_table_size: 1609\n" + VALID, "t.yaml").hardware()
                .maglevTableSize());
    }

    // --- helpers ---

    // --- routers and the down-server policy ---

    private static final String ROUTERS = """
            routers:
              - name: r1
                mac: "02:00:00:00:09:01"
              - name: r2
                mac: "02:00:00:00:09:02"
                state: down
            """;

    @Test
    void routersParseInSlotOrderWithUpAsDefault() throws ConfigException {
        SwitchConfig config = SwitchConfig.parse(VALID + ROUTERS, "t.yaml");
        assertEquals(List.of(RouterState.UP, RouterState.DOWN), config.routers().stream().map(RouterConfig::state).toList());
        assertEquals(config, SwitchConfig.parse(config.toYaml(), "written.yaml"));
    }

    @Test
    void routerMacTakenByAServer() {
        ConfigException e = error(VALID + replace(ROUTERS, 5, "    mac: \"02:00:00:00:01:02\""));
        assertAt(e, 28, 10, "routers[1].mac");
        assertProblem(e, "02:00:00:00:01:02 is already services[0].servers[1].mac; each router needs its own MAC");
    }

    @Test
    void routerStateIsUpOrDown() {
        ConfigException e = error(VALID + replace(ROUTERS, 6, "    state: drain"));
        assertAt(e, 29, 12, "routers[1].state");
        assertProblem(e, "'drain' is not allowed; expected one of down, up");
    }

    @Test
    void moreRoutersThanTheHardwareHolds() {
        ConfigException e = error("hardware:\n  max_routers: 1\n" + VALID + ROUTERS);
        assertAt(e, 29, 5, "routers[1]");
        assertProblem(e, "too many routers: 2 listed but hardware.max_routers is 1");
    }

    @Test
    void onServerDownIsReassignOrDrop() throws ConfigException {
        assertEquals(ServerDownPolicy.DROP, SwitchConfig.parse(insertAfter(VALID, 16, "    on_server_down: drop"),
                "t.yaml").services().get(0).onServerDown());
        ConfigException e = error(insertAfter(VALID, 16, "    on_server_down: move"));
        assertAt(e, 17, 21, "services[0].on_server_down");
        assertProblem(e, "'move' is not allowed; expected one of reassign, drop");
    }

    private static ConfigException error(String yaml) {
        return assertThrows(ConfigException.class, () -> SwitchConfig.parse(yaml, "t.yaml"));
    }

    private static void assertAt(ConfigException e, int line, int column, String field) {
        assertEquals(List.of(line, column, field), List.of(e.line(), e.column(), e.field()), e.getMessage());
        assertEquals("t.yaml", e.source());
    }

    private static void assertProblem(ConfigException e, String... phrases) {
        for (String phrase : phrases) {
            assertTrue(e.problem().contains(phrase), () -> "'" + phrase + "' not in: " + e.getMessage());
        }
        assertTrue(e.getMessage().endsWith(e.problem()), e.getMessage());
    }

    /** The text with its 1-based line {@code number} replaced (by several lines if {@code text} has newlines). */
    private static String replace(String yaml, int number, String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(yaml.split("\n", -1)));
        lines.set(number - 1, text);
        return String.join("\n", lines);
    }

    private static String insertAfter(String yaml, int number, String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(yaml.split("\n", -1)));
        lines.add(number, text);
        return String.join("\n", lines);
    }
}
