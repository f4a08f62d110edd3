package flowswitch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HardwareParamsTest {
    private static final HardwareParams DEFAULTS = HardwareParams.defaults();

    @Test
    void defaultsAreTheDocumentedValues() {
        assertEquals(new HardwareParams(64, 4, 16, 4, 64, 64, 2048), DEFAULTS);
        assertEquals(8, DEFAULTS.bytesPerBeat());
        assertEquals(32, DEFAULTS.withDataWidth(256).bytesPerBeat());
    }

    @Test
    void withChangesOnlyItsComponent() {
        HardwareParams changed = DEFAULTS.withDataWidth(256).withPorts(8).withMaxServers(64).withMaxServices(16)
                .withFlowTableSize(1024).withMacTableSize(4).withMaxFrameBytes(9216);
        assertEquals(new HardwareParams(256, 8, 64, 16, 1024, 4, 9216), changed);
        assertEquals(new HardwareParams(64, 4, 16, 4, 64, 64, 4096), DEFAULTS.withMaxFrameBytes(4096));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "data_width      | 128   | expected 64 or 256",
        "ports           | 1     | expected 2..16",
        "ports           | 17    | expected 2..16",
        "max_servers     | 12    | power of two in 2..256",
        "max_servers     | 512   | power of two in 2..256",
        "max_services    | 0     | expected 1..16",
        "flow_table_size | 8     | power of two in 16..262144",
        "mac_table_size  | 2048  | power of two in 4..1024",
        "max_frame_bytes | 32    | expected 64..16384",
        "max_frame_bytes | 20000 | expected 64..16384",
        "max_frame_bytes | 2052  | not a multiple of 8",
        "maglev_table_size | 1600 | expected a prime in 1600..65521",
        "maglev_table_size | 1597 | expected a prime in 1600..65521",
        "maglev_table_size | 65537 | expected a prime in 1600..65521",
        "max_routers     | 0     | power of two in 1..16",
        "max_routers     | 6     | power of two in 1..16",
        "max_routers     | 32    | power of two in 1..16",
    })
    void constructorRefusesOutOfRangeValuesNamingTheField(String field, int value, String allowed) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> with(field, value));
        assertTrue(e.getMessage().startsWith(field + ": " + value + " "), e.getMessage());
        assertTrue(e.getMessage().contains(allowed), e.getMessage());
    }

    @Test
    void frameSizeMustBeWholeBeatsOfTheWideBus() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DEFAULTS.withMaxFrameBytes(2056).withDataWidth(256));
        assertTrue(e.getMessage().contains("not a multiple of 32"), e.getMessage());
    }

    @Test
    void canonicalTextListsEveryComponentInOrder() {
        assertEquals("data_width=64;ports=4;max_servers=16;max_services=4;flow_table_size=64;mac_table_size=64;"
                + "max_frame_bytes=2048;maglev_table_size=1601;max_routers=4", DEFAULTS.canonicalText());
    }

    @Test
    void buildHashOfDefaultsIsPinned() {
        // CRC32 of the canonical text, checked independently (Python zlib.crc32). Devices in the field report it;
        // maglev_table_size and max_routers changed it: a build without their tables has none of their registers.
        assertEquals(0xe425e7a4, DEFAULTS.buildHash());
        assertEquals(DEFAULTS.buildHash(), new HardwareParams(64, 4, 16, 4, 64, 64, 2048).buildHash());
    }

    @Test
    void buildHashChangesWithEveryComponent() {
        List<HardwareParams> variants = List.of(DEFAULTS, DEFAULTS.withDataWidth(256), DEFAULTS.withPorts(5),
                DEFAULTS.withMaxServers(32), DEFAULTS.withMaxServices(5), DEFAULTS.withFlowTableSize(128),
                DEFAULTS.withMacTableSize(128), DEFAULTS.withMaxFrameBytes(2056),
                DEFAULTS.withMaglevTableSize(1607), DEFAULTS.withMaxRouters(8));
        Set<Integer> hashes = new HashSet<>();
        variants.forEach(v -> hashes.add(v.buildHash()));
        assertEquals(variants.size(), hashes.size(), "every variant must have its own hash");
    }

    private static HardwareParams with(String field, int value) {
        return switch (field) {
            case "data_width" -> DEFAULTS.withDataWidth(value);
            case "ports" -> DEFAULTS.withPorts(value);
            case "max_servers" -> DEFAULTS.withMaxServers(value);
            case "max_services" -> DEFAULTS.withMaxServices(value);
            case "flow_table_size" -> DEFAULTS.withFlowTableSize(value);
            case "mac_table_size" -> DEFAULTS.withMacTableSize(value);
            case "max_frame_bytes" -> DEFAULTS.withMaxFrameBytes(value);
            case "maglev_table_size" -> DEFAULTS.withMaglevTableSize(value);
            case "max_routers" -> DEFAULTS.withMaxRouters(value);
            default -> throw new AssertionError(field);
        };
    }
}
