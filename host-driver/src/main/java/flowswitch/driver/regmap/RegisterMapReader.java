package flowswitch.driver.regmap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import flowswitch.config.HardwareParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and checks regmap.json (format 1, docs/register-map.md). */
final class RegisterMapReader {
    static final int FORMAT = 1;
    /** The register bus has a 16-bit byte address space of 32-bit words. */
    private static final int MAX_ADDRESS = 0xFFFC;

    // The documentation's example carries // comments; accepting them costs nothing.
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build();

    private RegisterMapReader() {
    }

    static RegisterMap read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new RegisterMapException("register map " + file + " not found: generate it with `flowswitch gen"
                    + " --config FILE --out DIR` or point to it with --regmap FILE (or FSCTL_REGMAP)");
        } catch (IOException e) {
            throw new RegisterMapException("register map " + file + " cannot be read: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    static RegisterMap parse(String text, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new RegisterMapException("register map " + source + " is not valid JSON: "
                    + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr(), e);
        }
        if (root == null || !root.isObject()) {
            throw new RegisterMapException("register map " + source + " is not a JSON object");
        }
        try {
            return build(new JsonNodeReader(root, ""), source);
        } catch (IllegalArgumentException e) {
            throw new RegisterMapException("register map " + source + " is invalid: " + e.getMessage()
                    + "; regenerate it with `flowswitch gen`", e);
        }
    }

    private static RegisterMap build(JsonNodeReader root, String source) {
        long format = root.integer("format", 0, Integer.MAX_VALUE);
        if (format != FORMAT) {
            throw root.problem("format", format + " is not supported; this driver reads format " + FORMAT);
        }
        List<Register> registers = new ArrayList<>();
        for (JsonNodeReader r : root.array("registers")) {
            registers.add(register(r));
        }
        checkUnique(registers);
        Map<String, Register> byName = new HashMap<>();
        registers.forEach(r -> byName.put(r.name(), r));
        List<Counter> counters = new ArrayList<>();
        for (JsonNodeReader c : root.array("counters")) {
            counters.add(new Counter(c.string("name"), group(c), (int) c.integer("index", -1, 255),
                    counterHalf(c, "lo", byName), counterHalf(c, "hi", byName), c.optionalString("doc")));
        }
        return new RegisterMap(source, root.string("name"), root.word("id"), root.word("version"),
                root.word("build"), hardware(root.object("hardware")), registers, counters);
    }

    private static Register register(JsonNodeReader r) {
        long address = r.integer("address", 0, MAX_ADDRESS);
        if (address % 4 != 0) {
            throw r.problem("address", "0x" + Long.toHexString(address) + " is not word aligned");
        }
        List<Field> fields = new ArrayList<>();
        for (JsonNodeReader f : r.array("fields")) {
            String name = f.string("name");
            int lsb = (int) f.integer("lsb", 0, 31);
            int width = (int) f.integer("width", 1, 32);
            Access access = access(f);
            long reset = f.integer("reset", Integer.MIN_VALUE, 0xFFFF_FFFFL);
            try {
                fields.add(new Field(name, lsb, width, access, reset, f.optionalString("doc")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(f.path() + ": " + e.getMessage(), e);
            }
        }
        return new Register(r.string("name"), (int) address, access(r), r.integer("reset", Integer.MIN_VALUE,
                0xFFFF_FFFFL), r.optionalString("doc"), group(r), (int) r.integer("index", -1, 255), fields);
    }

    private static Access access(JsonNodeReader r) {
        String text = r.string("access");
        try {
            return Access.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw r.problem("access", "'" + text + "' is not one of RO, RW, W1P");
        }
    }

    private static Group group(JsonNodeReader r) {
        try {
            return Group.fromJson(r.string("group"));
        } catch (IllegalArgumentException e) {
            throw r.problem("group", e.getMessage());
        }
    }

    private static Register counterHalf(JsonNodeReader c, String key, Map<String, Register> byName) {
        String name = c.string(key);
        Register register = byName.get(name);
        if (register == null) {
            throw c.problem(key, "names register " + name + ", which the map does not declare");
        }
        return register;
    }

    private static void checkUnique(List<Register> registers) {
        Set<String> names = new HashSet<>();
        Map<Integer, String> addresses = new HashMap<>();
        for (Register r : registers) {
            if (!names.add(r.name())) {
                throw new IllegalArgumentException("register " + r.name() + " is declared twice");
            }
            String other = addresses.putIfAbsent(r.address(), r.name());
            if (other != null) {
                throw new IllegalArgumentException("registers " + other + " and " + r.name()
                        + " share address 0x" + Integer.toHexString(r.address()));
            }
        }
    }

    private static HardwareParams hardware(JsonNodeReader h) {
        int dataWidth = h.positive("data_width");
        int ports = h.positive("ports");
        int maxServers = h.positive("max_servers");
        int maxServices = h.positive("max_services");
        int flowTableSize = h.positive("flow_table_size");
        int macTableSize = h.positive("mac_table_size");
        int maxFrameBytes = h.positive("max_frame_bytes");
        int maglevTableSize = h.positive("maglev_table_size");
        int maxRouters = h.positive("max_routers");
        try {
            return new HardwareParams(dataWidth, ports, maxServers, maxServices, flowTableSize, macTableSize,
                    maxFrameBytes, maglevTableSize, maxRouters);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(h.path() + "." + e.getMessage(), e);
        }
    }
}
