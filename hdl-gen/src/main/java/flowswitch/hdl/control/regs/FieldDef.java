package flowswitch.hdl.control.regs;

/** One field of a register: bits {@code lsb .. lsb+width-1}. */
public record FieldDef(String name, int lsb, int width, Access access, long reset, String doc) {
    public FieldDef {
        if (lsb < 0 || width < 1 || lsb + width > 32) {
            throw new IllegalArgumentException("field " + name + " [" + (lsb + width - 1) + ":" + lsb + "] does not fit a 32-bit register");
        }
    }

    /** The field's bits in place within the register word. */
    public long mask() {
        return ((1L << width) - 1) << lsb;
    }

    public int msb() {
        return lsb + width - 1;
    }
}
