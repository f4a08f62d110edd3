package flowswitch.driver.regmap;

import java.util.List;

/** One 32-bit register of the map; {@code index} is the port or slot it belongs to, -1 for none. */
public record Register(String name, int address, Access access, long reset, String doc, Group group, int index,
                       List<Field> fields) {
    public Register {
        fields = List.copyOf(fields);
    }

    /** @throws RegisterMapException when the register has no field called {@code fieldName} */
    public Field field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst()
                .orElseThrow(() -> new RegisterMapException("register " + name + " has no field '" + fieldName
                        + "' (it has " + fields.stream().map(Field::name).toList() + "); the register map does not"
                        + " match this driver: regenerate it with `flowswitch gen` or use a matching fsctl"));
    }
}
