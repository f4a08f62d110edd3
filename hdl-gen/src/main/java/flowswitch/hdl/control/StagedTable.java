package flowswitch.hdl.control;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.hdl.control.regs.RegisterBuilder;
import flowswitch.hdl.control.regs.RegisterDeclarer;
import flowswitch.hdl.control.regs.RegisterGroup;
import flowswitch.hdl.dsl.BitLayout;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.UInt;

/**
 * A table whose slots the datapath reads as whole entries of a {@link BitLayout}. Software fills staging registers,
 * then {@code <P>_COMMIT} copies them into slot {@code <P>_INDEX} in one clock cycle, so the datapath never sees a
 * half-written entry; {@code <P>_RD_*} read back the slot that {@code <P>_INDEX} selects, laid out like the staging
 * registers. Slots reset to all zeros (invalid).
 */
final class StagedTable {
    /** Register field {@code field} ({@code width} bits at {@code lsb}) holds bits {@code entryLsb..} of {@code entryField}. */
    record Binding(String field, int lsb, int width, String entryField, int entryLsb, String doc) {}

    /** One staging register {@code <P>_<suffix>} (read back as {@code <P>_RD_<suffix>}). */
    record StagedRegister(String suffix, String doc, List<Binding> bindings) {}

    private StagedTable() {}

    /**
     * Declares the table's registers and drives {@code slotOutputs} (one per slot).
     *
     * @throws IllegalArgumentException when the bindings leave a bit of the entry unset or set one twice
     */
    static void declare(RegisterDeclarer regs, String prefix, RegisterGroup group, BitLayout layout,
                        List<StagedRegister> staged, List<Bits> slotOutputs) {
        int slots = slotOutputs.size();
        UInt index = asUInt(regs.register(prefix + "_INDEX", "slot that the " + prefix + "_* staging registers and "
                + prefix + "_RD_* refer to", group, -1).readWrite("value", 0, log2Up(slots), 0, "slot, 0.." + (slots - 1)));

        String lower = prefix.toLowerCase(Locale.ROOT);
        Bits entry = named(bits(layout.width()), lower + "_staged");
        BitSet covered = new BitSet(layout.width());
        for (StagedRegister r : staged) {
            RegisterBuilder reg = regs.register(prefix + "_" + r.suffix(), "staged " + r.doc(), group, -1);
            for (Binding b : r.bindings()) {
                int at = entryBit(layout, b);
                if (covered.get(at, at + b.width()).cardinality() != 0) {
                    throw new IllegalArgumentException(prefix + "_" + r.suffix() + "." + b.field() + " sets bits of "
                            + layout.name() + "." + b.entryField() + " that another field sets too");
                }
                covered.set(at, at + b.width());
                assign(slice(entry, at, b.width()), reg.readWrite(b.field(), b.lsb(), b.width(), 0, b.doc()));
            }
        }
        if (covered.cardinality() != layout.width()) {
            throw new IllegalArgumentException("the " + prefix + "_* staging registers leave bit "
                    + covered.nextClearBit(0) + " of " + layout.name() + " unset");
        }

        Bool commit = regs.register(prefix + "_COMMIT", "copy the staged entry into slot " + prefix + "_INDEX,"
                + " atomically for the datapath", group, -1).pulse("commit", 0, "write 1 to commit");
        List<Bits> table = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            int slot = i;
            Bits held = named(regBits(layout.width(), 0), lower + "_slot_" + i);
            when(and(commit, eq(index, slot)), () -> assign(held, entry));
            assign(slotOutputs.get(i), held);
            table.add(held);
        }

        // Index values without a slot behind them (tables of 1 or a non-power-of-two size) read back as empty.
        Bits stored = vecOf(table).read(resize(index, 32 - Integer.numberOfLeadingZeros(slots - 1)));
        Bits selected = 1 << index.getBitsWidth() == slots ? stored : mux(lt(index, slots), stored, b(0, layout.width()));
        for (StagedRegister r : staged) {
            RegisterBuilder reg = regs.register(prefix + "_RD_" + r.suffix(), r.doc() + " now in slot "
                    + prefix + "_INDEX", group, -1);
            for (Binding b : r.bindings()) {
                assign(reg.readOnly(b.field(), b.lsb(), b.width(), b.doc()), slice(selected, entryBit(layout, b), b.width()));
            }
        }
    }

    private static int entryBit(BitLayout layout, Binding b) {
        BitLayout.Field f = layout.field(b.entryField());
        if (b.entryLsb() + b.width() > f.width()) {
            throw new IllegalArgumentException("field " + b.field() + " (" + b.width() + " bits from bit " + b.entryLsb()
                    + ") does not fit " + layout.name() + "." + f.name() + " (" + f.width() + " bits)");
        }
        return f.lsb() + b.entryLsb();
    }
}
