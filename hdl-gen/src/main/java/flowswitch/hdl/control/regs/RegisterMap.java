package flowswitch.hdl.control.regs;

import flowswitch.config.HardwareParams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The register map of one generated design, taken from its regif declaration (addresses, fields, access, reset
 * values, docs) and the recorder beside it (groups, indexes, counter pairs). Every published form is written from
 * this one object: regmap.json (docs/register-map.md), a C header and a Markdown table.
 */
public record RegisterMap(String name, HardwareParams hardware, List<RegisterDef> registers, List<CounterDef> counters) {
    public static final int FORMAT = 1;
    /** The 16-bit byte address space of 32-bit words. */
    public static final int MAX_ADDRESS = 0xFFFC;

    /** @throws IllegalArgumentException when two registers collide, a field overlaps another, or a counter names a missing register */
    public RegisterMap {
        registers = List.copyOf(registers);
        counters = List.copyOf(counters);
        Map<String, RegisterDef> byName = new HashMap<>();
        Map<Integer, String> byAddress = new HashMap<>();
        for (RegisterDef r : registers) {
            if (byName.put(r.name(), r) != null) throw new IllegalArgumentException("register " + r.name() + " is declared twice");
            if (r.address() < 0 || r.address() > MAX_ADDRESS || r.address() % 4 != 0) {
                throw new IllegalArgumentException("register " + r.name() + " at 0x" + Integer.toHexString(r.address())
                        + " is not a word address in 0x0000..0x" + Integer.toHexString(MAX_ADDRESS));
            }
            String other = byAddress.put(r.address(), r.name());
            if (other != null) {
                throw new IllegalArgumentException("registers " + other + " and " + r.name() + " share address 0x"
                        + Integer.toHexString(r.address()));
            }
            long used = 0;
            for (FieldDef f : r.fields()) {
                if ((used & f.mask()) != 0) throw new IllegalArgumentException("field " + r.name() + "." + f.name() + " overlaps another field");
                used |= f.mask();
            }
        }
        for (String required : List.of("ID", "VERSION", "BUILD")) {
            if (!byName.containsKey(required)) throw new IllegalArgumentException("the register map has no " + required + " register");
        }
        for (CounterDef c : counters) {
            for (String half : List.of(c.lo(), c.hi())) {
                if (!byName.containsKey(half)) {
                    throw new IllegalArgumentException("counter " + c.name() + " names register " + half + ", which is not declared");
                }
            }
        }
    }

    /** @throws IllegalArgumentException when no register has that name */
    public RegisterDef register(String registerName) {
        return registers.stream().filter(r -> r.name().equals(registerName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the register map has no register " + registerName));
    }

    /** The value of the ID register. */
    public long id() {
        return register("ID").reset();
    }

    public long version() {
        return register("VERSION").reset();
    }

    public long build() {
        return register("BUILD").reset();
    }

    /** The build parameters in their canonical order, by their YAML keys ({@code data_width}, {@code ports}, ...). */
    public Map<String, Integer> hardwareFacts() {
        return HardwareFacts.of(hardware);
    }

    public void writeJson(Path file) {
        write(file, RegisterMapJson.render(this));
    }

    public void writeCHeader(Path file) {
        write(file, RegisterMapCHeader.render(this));
    }

    public void writeMarkdown(Path file) {
        write(file, RegisterMapMarkdown.render(this));
    }

    private static void write(Path file, String text) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) Files.createDirectories(dir);
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the register map to " + file + ": " + e.getMessage(), e);
        }
    }
}
