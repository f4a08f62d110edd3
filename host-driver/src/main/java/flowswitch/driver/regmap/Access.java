package flowswitch.driver.regmap;

/** How software may use a register or field. */
public enum Access {
    /** Read only; writes are ignored by the hardware. */
    RO,
    /** Read/write. */
    RW,
    /** Write 1 to pulse an action; reads 0. */
    W1P
}
