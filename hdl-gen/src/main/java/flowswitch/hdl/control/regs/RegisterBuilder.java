package flowswitch.hdl.control.regs;

import static flowswitch.hdl.dsl.Hw.*;

import java.util.Locale;
import scala.math.BigInt;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.lib.bus.regif.AccessType;
import spinal.lib.bus.regif.RegInst;
import spinal.lib.bus.regif.SymbolName;

/**
 * Adds fields to one regif register. Field names are the map's ({@code value}, {@code enable}); the hardware behind
 * them is named {@code <register>_<field>} in the Verilog. Gaps between fields become reserved bits that read 0.
 */
public final class RegisterBuilder {
    private final String register;
    private final RegInst inst;

    RegisterBuilder(String register, RegInst inst) {
        this.register = register;
        this.inst = inst;
    }

    /** A read/write field: the register holding it. */
    public Bits readWrite(String field, int lsb, int width, long reset, String doc) {
        return named(field(field, lsb, width, AccessType.RW$.MODULE$, reset, doc), signalName(field));
    }

    /** A read-only field showing a live value: drive the returned signal. */
    public Bits readOnly(String field, int lsb, int width, String doc) {
        return named(field(field, lsb, width, AccessType.RO$.MODULE$, 0, doc), signalName(field));
    }

    /** A read-only field with a constant value. */
    public void constant(String field, int lsb, int width, long value, String doc) {
        field(field, lsb, width, AccessType.ROV$.MODULE$, value, doc);
    }

    /** A one-bit write-1-to-pulse field: high for the one cycle after such a write. */
    public Bool pulse(String field, int lsb, String doc) {
        return bit(named(field(field, lsb, 1, AccessType.W1P$.MODULE$, 0, doc), signalName(field)), 0);
    }

    /** High in the cycle the bus writes this register; its read/write fields hold the new value from the next. */
    public Bool written() {
        return inst.hitDoWrite();
    }

    @SuppressWarnings("deprecation") // the BitCount form is the one that records the field name as given
    private Bits field(String field, int lsb, int width, AccessType access, long reset, String doc) {
        return inst.fieldAt(lsb, width(width), access, BigInt.apply(reset), doc, SymbolName.apply(field));
    }

    private String signalName(String field) {
        return register.toLowerCase(Locale.ROOT) + "_" + field;
    }
}
