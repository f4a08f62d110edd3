package flowswitch.hdl.control.regs;

import java.util.Locale;

/** A 64-bit counter published as the register pair {@code lo}, {@code hi}. */
public record CounterDef(String name, RegisterGroup group, int index, String lo, String hi, String doc) {

    /** The register name without _LO/_HI: {@code PORT0_RX_PACKETS}, {@code FLOW_HITS}. */
    public static String stem(RegisterGroup group, int index, String name) {
        return (group.name() + (group.indexed() ? Integer.toString(index) : "") + "_" + name).toUpperCase(Locale.ROOT);
    }
}
