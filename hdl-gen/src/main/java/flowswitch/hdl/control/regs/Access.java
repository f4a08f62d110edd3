package flowswitch.hdl.control.regs;

/** How software may use a register or field (docs/register-map.md). */
public enum Access {
    /** Read only: a constant or a live value. */
    RO,
    /** Read/write. */
    RW,
    /** Write 1 to pulse for one clock cycle; reads 0. */
    W1P
}
