package flowswitch.hdl.control;

import static flowswitch.hdl.dsl.HwComponent.build;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import flowswitch.config.HardwareParams;
import flowswitch.hdl.control.regs.RegisterMap;
import flowswitch.hdl.gen.VerilogWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** regmap.json, flowswitch_regs.h and regmap.md as written for generated instances, checked against docs/register-map.md. */
class RegisterMapFilesTest {
    private static final List<String> FIXED = List.of("ID", "VERSION", "BUILD", "HW_DATA_WIDTH", "HW_PORTS",
            "HW_MAX_SERVERS", "HW_MAX_SERVICES", "HW_FLOW_TABLE_SIZE", "HW_MAC_TABLE_SIZE", "HW_MAX_FRAME_BYTES",
            "HW_MAGLEV_TABLE_SIZE", "MH_LOAD", "MH_DATA", "MH_ENTRIES_PER_ROW", "MH_COMMIT",
            "HW_MAX_ROUTERS", "RTR_INDEX", "RTR_MAC_LO", "RTR_MAC_HI", "RTR_CFG", "RTR_COMMIT", "RTR_RD_MAC_LO",
            "RTR_RD_MAC_HI", "RTR_RD_CFG", "PASSIVE_WINDOW", "PASSIVE_THRESHOLD", "PASSIVE_SUSPECT",
            "SWITCH_MAC_LO", "SWITCH_MAC_HI", "UPLINK_MASK", "STATS_CLEAR", "FLOW_FLUSH", "FLOW_OCCUPANCY",
            "MAC_OCCUPANCY", "SVC_INDEX", "SVC_VIP", "SVC_CFG", "SVC_COMMIT", "SVC_RD_VIP", "SVC_RD_CFG", "SRV_INDEX",
            "SRV_MAC_LO", "SRV_MAC_HI", "SRV_CFG", "SRV_COMMIT", "SRV_RD_MAC_LO", "SRV_RD_MAC_HI", "SRV_RD_CFG",
            "FLOW_LOCATIONS", "FLOW_STASH_OCCUPANCY", "FLOW_TICK_CYCLES", "FLOW_TIMEOUT_TCP_ESTABLISHED",
            "FLOW_TIMEOUT_TCP_CLOSING", "FLOW_TIMEOUT_UDP", "FLOW_KEY_IP", "FLOW_KEY_PORTS", "FLOW_KEY_PROTO",
            "FLOW_SERVER", "FLOW_LOCATION", "FLOW_CMD", "FLOW_STATUS", "FLOW_RESULT_LOCATION", "FLOW_RESULT_KEY_IP",
            "FLOW_RESULT_KEY_PORTS", "FLOW_RESULT_KEY_PROTO", "FLOW_RESULT_ENTRY", "FLOW_RESULT_IDLE");
    private static final Map<HardwareVariant, RegisterMap> MAPS = new EnumMap<>(HardwareVariant.class);

    private static RegisterMap map(HardwareVariant v, Path scratch) {
        return MAPS.computeIfAbsent(v, k -> VerilogWriter.write(scratch.resolve("rtl"),
                () -> build(new ControlPlane(ControlPlaneConfig.forHardware(k.hw)))).toplevel().registerMap());
    }

    private static JsonNode json(HardwareVariant v, Path dir) throws IOException {
        Path file = dir.resolve("regmap.json");
        map(v, dir).writeJson(file);
        return new ObjectMapper().readTree(file.toFile());
    }

    @ParameterizedTest
    @EnumSource(HardwareVariant.class)
    void jsonHasTheIdentityAndEveryRegisterOfTheLayout(HardwareVariant v, @TempDir Path dir) throws IOException {
        JsonNode root = json(v, dir);
        assertEquals(1, root.get("format").asInt());
        assertEquals("flowswitch", root.get("name").asText());
        assertEquals(0x464C5357L, root.get("id").asLong());
        assertEquals(0x00010000L, root.get("version").asLong());
        assertEquals(Integer.toUnsignedLong(v.hw.buildHash()), root.get("build").asLong());
        JsonNode hw = root.get("hardware");
        assertEquals(v.hw.ports(), hw.get("ports").asInt());
        assertEquals(v.hw.maxServers(), hw.get("max_servers").asInt());
        assertEquals(v.hw.maxServices(), hw.get("max_services").asInt());
        assertEquals(v.hw.dataWidth(), hw.get("data_width").asInt());
        assertEquals(v.hw.flowTableSize(), hw.get("flow_table_size").asInt());
        assertEquals(v.hw.macTableSize(), hw.get("mac_table_size").asInt());
        assertEquals(v.hw.maxFrameBytes(), hw.get("max_frame_bytes").asInt());
        assertEquals(v.hw.maglevTableSize(), hw.get("maglev_table_size").asInt());
        assertEquals(v.hw.maxRouters(), hw.get("max_routers").asInt());

        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode r : root.get("registers")) byName.put(r.get("name").asText(), r);
        List<String> expected = new ArrayList<>(FIXED);
        for (int k = 0; k < v.hw.maxServers(); k++) expected.add("SERVER" + k + "_CONNECTIONS");
        for (Counter c : documentedCounters(v.hw)) {
            expected.add(c.stem() + "_LO");
            expected.add(c.stem() + "_HI");
        }
        for (String name : expected) assertTrue(byName.containsKey(name), "regmap.json lacks register " + name);
        assertEquals(expected.size(), byName.size(), "regmap.json has registers the layout does not: " + byName.keySet());

        assertField(byName, "VERSION", "patch", 0, 8, "RO");
        assertField(byName, "VERSION", "minor", 8, 8, "RO");
        assertField(byName, "VERSION", "major", 16, 8, "RO");
        assertField(byName, "SWITCH_MAC_HI", "value", 0, 16, "RW");
        assertField(byName, "UPLINK_MASK", "value", 0, v.hw.ports(), "RW");
        assertField(byName, "STATS_CLEAR", "clear", 0, 1, "W1P");
        assertField(byName, "FLOW_FLUSH", "flush", 0, 1, "W1P");
        assertField(byName, "FLOW_CMD", "read", 0, 1, "W1P");
        assertField(byName, "FLOW_CMD", "delete", 3, 1, "W1P");
        assertField(byName, "FLOW_KEY_PORTS", "client_port", 16, 16, "RW");
        assertField(byName, "FLOW_STATUS", "flush_busy", 3, 1, "RO");
        assertField(byName, "FLOW_RESULT_ENTRY", "kind", 16, 2, "RO");
        for (String reg : List.of("SVC_CFG", "SVC_RD_CFG")) {
            assertField(byName, reg, "port", 0, 16, reg.contains("RD") ? "RO" : "RW");
            assertField(byName, reg, "proto", 16, 8, reg.contains("RD") ? "RO" : "RW");
            assertField(byName, reg, "scheduler", 24, 3, reg.contains("RD") ? "RO" : "RW");
            assertField(byName, reg, "on_server_down", 30, 1, reg.contains("RD") ? "RO" : "RW");
            assertField(byName, reg, "enable", 31, 1, reg.contains("RD") ? "RO" : "RW");
        }
        for (String reg : List.of("RTR_CFG", "RTR_RD_CFG")) {
            assertField(byName, reg, "state", 0, 1, reg.contains("RD") ? "RO" : "RW");
            assertField(byName, reg, "valid", 31, 1, reg.contains("RD") ? "RO" : "RW");
        }
        assertField(byName, "PASSIVE_SUSPECT", "value", 0, v.hw.maxServers(), "RO");
        for (String reg : List.of("SRV_CFG", "SRV_RD_CFG")) {
            assertField(byName, reg, "weight", 0, 16, reg.contains("RD") ? "RO" : "RW");
            assertField(byName, reg, "port", 16, 8, reg.contains("RD") ? "RO" : "RW");
            assertField(byName, reg, "service", 24, 4, reg.contains("RD") ? "RO" : "RW");
            assertField(byName, reg, "state", 28, 2, reg.contains("RD") ? "RO" : "RW");
            assertField(byName, reg, "valid", 31, 1, reg.contains("RD") ? "RO" : "RW");
        }
        assertEquals("W1P", byName.get("SVC_COMMIT").get("access").asText());
        assertEquals("RO", byName.get("ID").get("access").asText());
        assertEquals(0x464C5357L, byName.get("ID").get("reset").asLong());
        assertEquals("core", byName.get("HW_PORTS").get("group").asText());
        assertEquals("service_table", byName.get("SVC_VIP").get("group").asText());
        assertEquals("server_table", byName.get("SRV_RD_CFG").get("group").asText());
    }

    @ParameterizedTest
    @EnumSource(HardwareVariant.class)
    void jsonAddressesAreUniqueAlignedAndFieldsDoNotOverlap(HardwareVariant v, @TempDir Path dir) throws IOException {
        JsonNode root = json(v, dir);
        Set<Integer> addresses = new HashSet<>();
        for (JsonNode r : root.get("registers")) {
            String name = r.get("name").asText();
            int address = r.get("address").asInt();
            assertTrue(address >= 0 && address <= 0xFFFC && address % 4 == 0, name + " at " + address);
            assertTrue(addresses.add(address), name + " shares address 0x" + Integer.toHexString(address));
            assertTrue(Set.of("RO", "RW", "W1P").contains(r.get("access").asText()), name);
            int index = r.get("index").asInt();
            boolean indexed = Set.of("port", "service", "server", "router").contains(r.get("group").asText());
            assertTrue(indexed ? index >= 0 : index == -1, name + " has index " + index);
            long used = 0;
            for (JsonNode f : r.get("fields")) {
                int lsb = f.get("lsb").asInt();
                int width = f.get("width").asInt();
                assertTrue(lsb >= 0 && width >= 1 && lsb + width <= 32, name + "." + f.get("name").asText());
                long mask = ((1L << width) - 1) << lsb;
                assertEquals(0, used & mask, name + "." + f.get("name").asText() + " overlaps another field");
                used |= mask;
            }
            assertFalse(r.get("fields").isEmpty(), name + " has no fields");
        }
    }

    @ParameterizedTest
    @EnumSource(HardwareVariant.class)
    void jsonCountersPairRegistersOfTheirOwnGroupAndIndex(HardwareVariant v, @TempDir Path dir) throws IOException {
        JsonNode root = json(v, dir);
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode r : root.get("registers")) byName.put(r.get("name").asText(), r);
        List<Counter> documented = documentedCounters(v.hw);
        assertEquals(documented.size(), root.get("counters").size());
        for (int i = 0; i < documented.size(); i++) {
            Counter want = documented.get(i);
            JsonNode c = root.get("counters").get(i);
            assertEquals(want.name(), c.get("name").asText());
            assertEquals(want.group(), c.get("group").asText());
            assertEquals(want.index(), c.get("index").asInt());
            assertEquals(want.stem() + "_LO", c.get("lo").asText());
            assertEquals(want.stem() + "_HI", c.get("hi").asText());
            for (String half : List.of("lo", "hi")) {
                JsonNode reg = byName.get(c.get(half).asText());
                assertEquals(want.group(), reg.get("group").asText());
                assertEquals(want.index(), reg.get("index").asInt());
                assertEquals("RO", reg.get("access").asText());
            }
            assertEquals(byName.get(want.stem() + "_LO").get("address").asInt() + 4,
                    byName.get(want.stem() + "_HI").get("address").asInt(), "HI follows LO");
        }
    }

    @ParameterizedTest
    @EnumSource(HardwareVariant.class)
    void cHeaderCompilesAndAgreesWithTheJson(HardwareVariant v, @TempDir Path dir) throws Exception {
        assumeTrue(gccAvailable(), "gcc is not installed");
        JsonNode root = json(v, dir);
        Path header = dir.resolve("flowswitch_regs.h");
        map(v, dir).writeCHeader(header);
        StringBuilder check = new StringBuilder("#include \"flowswitch_regs.h\"\n");
        check.append(String.format("_Static_assert(FS_EXPECTED_ID == 0x%Xu, \"id\");%n", root.get("id").asLong()));
        check.append(String.format("_Static_assert(FS_EXPECTED_BUILD == 0x%Xu, \"build\");%n", root.get("build").asLong()));
        for (JsonNode r : root.get("registers")) {
            String reg = "FS_" + r.get("name").asText();
            check.append(String.format("_Static_assert(%s_ADDR == 0x%Xu, \"%s\");%n", reg, r.get("address").asInt(), reg));
            for (JsonNode f : r.get("fields")) {
                String field = reg + "_" + f.get("name").asText().toUpperCase(Locale.ROOT);
                long mask = ((1L << f.get("width").asInt()) - 1) << f.get("lsb").asInt();
                check.append(String.format("_Static_assert(%s_SHIFT == %d && %s_MASK == 0x%Xu, \"%s\");%n",
                        field, f.get("lsb").asInt(), field, mask, field));
            }
        }
        Path source = dir.resolve("check.c");
        Files.writeString(source, check);
        Process gcc = new ProcessBuilder("gcc", "-fsyntax-only", "-std=c11", "-Wall", "-Wextra", "-Werror",
                "-I", dir.toString(), source.toString()).redirectErrorStream(true).start();
        String output = new String(gcc.getInputStream().readAllBytes());
        assertTrue(gcc.waitFor(60, TimeUnit.SECONDS), "gcc did not finish");
        assertEquals(0, gcc.exitValue(), "gcc rejected flowswitch_regs.h:\n" + output);
    }

    @ParameterizedTest
    @EnumSource(HardwareVariant.class)
    void markdownListsEveryRegisterAndCounter(HardwareVariant v, @TempDir Path dir) throws IOException {
        RegisterMap map = map(v, dir);
        Path file = dir.resolve("regmap.md");
        map.writeMarkdown(file);
        String md = Files.readString(file);
        map.registers().forEach(r -> assertTrue(md.contains(String.format("| 0x%04X | %s |", r.address(), r.name())),
                "regmap.md lacks the row of " + r.name()));
        map.counters().forEach(c -> assertTrue(md.contains("| " + c.lo() + " | " + c.hi() + " |"), c.lo()));
    }

    /** A counter as docs/register-map.md names it. */
    private record Counter(String group, int index, String name) {
        String stem() {
            return (group + (index >= 0 ? Integer.toString(index) : "") + "_" + name).toUpperCase(Locale.ROOT);
        }
    }

    /** docs/register-map.md, "Counter names", in its order. */
    private static List<Counter> documentedCounters(HardwareParams hw) {
        List<Counter> all = new ArrayList<>();
        for (int p = 0; p < hw.ports(); p++) {
            for (String n : List.of("rx_packets", "rx_bytes", "tx_packets", "tx_bytes", "drops")) all.add(new Counter("port", p, n));
        }
        for (String n : List.of("oversize", "rx_error", "parse_error", "no_server", "no_service", "filtered", "vip_arp",
                "server_down", "no_router")) {
            all.add(new Counter("drop", -1, n));
        }
        for (String n : List.of("hits", "misses", "inserts", "insert_fail", "reassigns", "stash_inserts", "relocations",
                "aged_out", "deleted")) {
            all.add(new Counter("flow", -1, n));
        }
        for (int s = 0; s < hw.maxServices(); s++) {
            for (String n : List.of("packets", "bytes", "arp_replies")) all.add(new Counter("service", s, n));
        }
        for (int s = 0; s < hw.maxServers(); s++) {
            for (String n : List.of("packets", "bytes", "new_flows", "syns", "syn_acks", "suspects")) {
                all.add(new Counter("server", s, n));
            }
        }
        for (int r = 0; r < hw.maxRouters(); r++) {
            for (String n : List.of("failovers", "takeovers")) all.add(new Counter("router", r, n));
        }
        return all;
    }

    private static void assertField(Map<String, JsonNode> registers, String register, String field, int lsb, int width,
                                    String access) {
        for (JsonNode f : registers.get(register).get("fields")) {
            if (f.get("name").asText().equals(field)) {
                assertEquals(lsb, f.get("lsb").asInt(), register + "." + field + " lsb");
                assertEquals(width, f.get("width").asInt(), register + "." + field + " width");
                assertEquals(access, f.get("access").asText(), register + "." + field + " access");
                return;
            }
        }
        throw new AssertionError(register + " has no field " + field);
    }

    private static boolean gccAvailable() {
        try {
            return new ProcessBuilder("gcc", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
