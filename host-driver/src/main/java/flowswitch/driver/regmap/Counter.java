package flowswitch.driver.regmap;

/** A 64-bit counter held in two registers; {@code index} is the port or slot, -1 for global counters. */
public record Counter(String name, Group group, int index, Register lo, Register hi, String doc) {
}
