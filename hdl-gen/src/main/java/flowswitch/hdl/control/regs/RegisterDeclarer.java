package flowswitch.hdl.control.regs;

import static flowswitch.hdl.dsl.Hw.asBits;
import static flowswitch.hdl.dsl.Hw.assign;
import static flowswitch.hdl.dsl.Hw.slice;

import flowswitch.config.HardwareParams;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import scala.jdk.javaapi.CollectionConverters;
import scala.math.BigInt;
import spinal.core.UInt;
import spinal.lib.bus.regif.AccessType;
import spinal.lib.bus.regif.BusIf;
import spinal.lib.bus.regif.Field;
import spinal.lib.bus.regif.RegSlice;
import spinal.lib.bus.regif.SymbolName;

/**
 * Declares registers on a regif {@link BusIf} and records beside each what regif has no place for: its group and
 * index, and which register pairs form a 64-bit counter. {@link #snapshot} then reads names, addresses, fields,
 * access, reset values and docs back from regif itself, so the map is declared exactly once.
 */
public final class RegisterDeclarer {
    private static final Pattern REGISTER_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    private final BusIf busif;
    private final Map<String, Placement> placements = new HashMap<>();
    private final List<CounterDef> counters = new ArrayList<>();

    private record Placement(RegisterGroup group, int index) {}

    public RegisterDeclarer(BusIf busif) {
        this.busif = busif;
    }

    /** The next register goes to {@code address}; blocks start on round addresses so that a map reads well. */
    public void moveTo(int address) {
        busif.regPtrReAnchorAt(BigInt.apply(address));
    }

    /** @throws IllegalArgumentException when the name is malformed or taken, or the index does not suit the group */
    public RegisterBuilder register(String name, String doc, RegisterGroup group, int index) {
        if (!REGISTER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("register name '" + name + "' must be upper case letters, digits and _");
        }
        group.checkIndex("register " + name, index);
        if (placements.putIfAbsent(name, new Placement(group, index)) != null) {
            throw new IllegalArgumentException("register " + name + " is declared twice");
        }
        return new RegisterBuilder(name, busif.newReg(doc, busif.newReg$default$2(), busif.newReg$default$3(),
                SymbolName.apply(name)));
    }

    /** A 64-bit counter as the read-only pair {@code <STEM>_LO}, {@code <STEM>_HI}. */
    public void counter(RegisterGroup group, int index, String name, String doc, UInt value) {
        if (value.getBitsWidth() != 64) throw new IllegalArgumentException("counter " + name + " must be 64 bits wide");
        String stem = CounterDef.stem(group, index, name);
        String lo = stem + "_LO";
        String hi = stem + "_HI";
        assign(register(lo, doc + " (bits 31:0)", group, index).readOnly("value", 0, 32, "bits 31:0 of the count"),
                slice(asBits(value), 0, 32));
        assign(register(hi, doc + " (bits 63:32)", group, index).readOnly("value", 0, 32, "bits 63:32 of the count"),
                slice(asBits(value), 32, 32));
        counters.add(new CounterDef(name, group, index, lo, hi, doc));
    }

    /**
     * The map as declared so far, read back from regif.
     *
     * @throws IllegalStateException when a register was declared on the BusIf without this recorder, or with an
     *     access type the register map format has no name for
     */
    public RegisterMap snapshot(String mapName, HardwareParams hardware) {
        List<RegisterDef> registers = new ArrayList<>();
        for (RegSlice slice : CollectionConverters.asJava(busif.slices())) {
            Placement placement = placements.get(slice.getName());
            if (placement == null) {
                throw new IllegalStateException("register " + slice.getName() + " was declared on the BusIf directly;"
                        + " declare it through RegisterDeclarer so that it gets a group");
            }
            List<FieldDef> fields = new ArrayList<>();
            for (Field f : CollectionConverters.asJava(slice.getFields())) {
                if (f.getAccessType() == AccessType.NA$.MODULE$) continue;
                fields.add(new FieldDef(f.getName(), f.tailBitPos() - f.getWidth() + 1, f.getWidth(),
                        access(slice.getName(), f), f.getResetValue().longValue(), f.getDoc()));
            }
            long reset = fields.stream().mapToLong(f -> f.reset() << f.lsb() & f.mask()).reduce(0, (a, b) -> a | b);
            registers.add(new RegisterDef(slice.getName(), slice.getAddr().intValue(), access(fields), reset,
                    slice.getDoc(), placement.group(), placement.index(), fields));
        }
        return new RegisterMap(mapName, hardware, registers, counters);
    }

    private static Access access(String register, Field f) {
        AccessType type = f.getAccessType();
        if (type == AccessType.RO$.MODULE$ || type == AccessType.ROV$.MODULE$) return Access.RO;
        if (type == AccessType.RW$.MODULE$) return Access.RW;
        if (type == AccessType.W1P$.MODULE$) return Access.W1P;
        throw new IllegalStateException("field " + register + "." + f.getName() + " has regif access " + type
                + ", which regmap.json cannot express; use RO, RW or W1P");
    }

    /** A register is W1P or RO when all its fields are; anything else software can write is RW. */
    private static Access access(List<FieldDef> fields) {
        if (!fields.isEmpty() && fields.stream().allMatch(f -> f.access() == Access.W1P)) return Access.W1P;
        if (fields.stream().allMatch(f -> f.access() == Access.RO)) return Access.RO;
        return Access.RW;
    }
}
