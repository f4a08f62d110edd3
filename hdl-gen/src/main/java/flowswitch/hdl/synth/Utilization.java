package flowswitch.hdl.synth;

/** How much of one resource a design uses. Block RAM counts may be fractional (a RAMB18 is half a RAMB36). */
public record Utilization(String resource, double used, long available) {
    public double percent() {
        return available == 0 ? 0 : 100.0 * used / available;
    }

    public boolean fits() {
        return used <= available;
    }

    @Override
    public String toString() {
        String amount = used == Math.rint(used) ? String.format("%,d", (long) used) : String.format("%,.1f", used);
        return String.format("%-13s %9s / %,9d  %5.1f%%", resource, amount, available, percent());
    }
}
