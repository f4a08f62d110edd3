package flowswitch.hdl.dsl;

import static flowswitch.hdl.dsl.Hw.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.Data;
import spinal.core.UInt;

/**
 * A record of named fields packed into one Bits vector, first field in the low bits. Java cannot declare SpinalHDL
 * Bundles without the Scala plugin, so structured payloads (stream beats, table entries, metadata) are Bits with a
 * layout: one declaration gives the width, the field slices, and the same offsets to the golden model and the driver.
 */
public final class BitLayout {
    /** One field: its name, lowest bit and width. */
    public record Field(String name, int lsb, int width) {
        public long mask() {
            return width == 64 ? -1L : (1L << width) - 1;
        }
    }

    private final String name;
    private final Map<String, Field> fields;
    private final int width;

    private BitLayout(String name, Map<String, Field> fields, int width) {
        this.name = name;
        this.fields = fields;
        this.width = width;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public int width() {
        return width;
    }

    public List<Field> fields() {
        return Collections.unmodifiableList(new ArrayList<>(fields.values()));
    }

    public Field field(String fieldName) {
        Field f = fields.get(fieldName);
        if (f == null) throw new IllegalArgumentException(name + " has no field " + fieldName + "; it has " + fields.keySet());
        return f;
    }

    /** A new, unassigned Bits signal of this layout's width. */
    public Bits newBits() {
        return bits(width);
    }

    public Bits get(Bits packed, String fieldName) {
        Field f = field(fieldName);
        return slice(packed, f.lsb(), f.width());
    }

    public UInt getUInt(Bits packed, String fieldName) {
        return asUInt(get(packed, fieldName));
    }

    public Bool getBool(Bits packed, String fieldName) {
        Field f = field(fieldName);
        if (f.width() != 1) throw new IllegalArgumentException(name + "." + fieldName + " is " + f.width() + " bits, not a Bool");
        return bit(packed, f.lsb());
    }

    /** Drives every field of {@code packed} from {@code values} (by field name); a missing field is an error. */
    public void assignAll(Bits packed, Map<String, ? extends Data> values) {
        for (Field f : fields.values()) {
            Data v = values.get(f.name());
            if (v == null) throw new IllegalArgumentException(name + "." + f.name() + " has no value");
            assign(slice(packed, f.lsb(), f.width()), asBits(v));
        }
        if (values.size() != fields.size()) {
            throw new IllegalArgumentException(name + " got values for unknown fields: " + values.keySet());
        }
    }

    /** Packs software values (for tests and the golden model): field name to value. */
    public java.math.BigInteger pack(Map<String, Long> values) {
        java.math.BigInteger out = java.math.BigInteger.ZERO;
        for (Map.Entry<String, Long> e : values.entrySet()) {
            Field f = field(e.getKey());
            out = out.or(java.math.BigInteger.valueOf(e.getValue() & f.mask()).shiftLeft(f.lsb()));
        }
        return out;
    }

    public long unpack(java.math.BigInteger packed, String fieldName) {
        Field f = field(fieldName);
        return packed.shiftRight(f.lsb()).longValue() & f.mask();
    }

    public static final class Builder {
        private final String name;
        private final Map<String, Field> fields = new LinkedHashMap<>();
        private int next;

        private Builder(String name) {
            this.name = name;
        }

        public Builder field(String fieldName, int bits) {
            if (bits <= 0) throw new IllegalArgumentException(name + "." + fieldName + ": width must be positive, got " + bits);
            if (fields.putIfAbsent(fieldName, new Field(fieldName, next, bits)) != null) {
                throw new IllegalArgumentException(name + "." + fieldName + " declared twice");
            }
            next += bits;
            return this;
        }

        public BitLayout build() {
            return new BitLayout(name, Collections.unmodifiableMap(new LinkedHashMap<>(fields)), next);
        }
    }
}
