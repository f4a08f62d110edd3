package flowswitch.driver.regmap;

/**
 * A bit field of a register, {@code width} bits from bit {@code lsb}. Values are handled as unsigned longs so a
 * full 32-bit field keeps its top bit.
 */
public record Field(String name, int lsb, int width, Access access, long reset, String doc) {
    public Field {
        if (lsb < 0 || width < 1 || lsb + width > 32) {
            throw new IllegalArgumentException("field " + name + " [" + (lsb + width - 1) + ":" + lsb
                    + "] does not fit in a 32-bit register");
        }
    }

    /** The largest value the field holds. */
    public long max() {
        return (1L << width) - 1;
    }

    /** The field's value in the register word {@code word}. */
    public long get(int word) {
        return (Integer.toUnsignedLong(word) >>> lsb) & max();
    }

    /**
     * {@code word} with this field replaced by {@code value}.
     *
     * @throws IllegalArgumentException when {@code value} does not fit in {@link #width()} bits
     */
    public int set(int word, long value) {
        if (value < 0 || value > max()) {
            throw new IllegalArgumentException("value " + value + " does not fit field " + name + " (" + width
                    + " bits, 0.." + max() + ")");
        }
        long mask = max() << lsb;
        return (int) ((Integer.toUnsignedLong(word) & ~mask) | (value << lsb));
    }
}
