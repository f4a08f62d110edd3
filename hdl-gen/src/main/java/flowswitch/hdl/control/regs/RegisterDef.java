package flowswitch.hdl.control.regs;

import java.util.List;

/** One 32-bit register as the register map publishes it; {@code reset} is the whole word after reset. */
public record RegisterDef(String name, int address, Access access, long reset, String doc, RegisterGroup group,
                          int index, List<FieldDef> fields) {
    public RegisterDef {
        fields = List.copyOf(fields);
    }

    /** @throws IllegalArgumentException naming the fields this register has */
    public FieldDef field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("register " + name + " has no field " + fieldName
                        + "; it has " + fields.stream().map(FieldDef::name).toList()));
    }
}
