package flowswitch.hdl.synth;

/** One clock's timing after place and route: its target and the highest frequency the routed design reaches. */
public record ClockTiming(String clock, double targetMhz, double achievedMhz) {
    public boolean met() {
        return achievedMhz >= targetMhz;
    }

    /** How far above the target the design runs, as a fraction of the target (negative: it misses). */
    public double margin() {
        return achievedMhz / targetMhz - 1;
    }

    @Override
    public String toString() {
        return String.format("%-14s target %7.2f MHz  achieved %7.2f MHz  %s (%+.0f%%)", clock, targetMhz, achievedMhz,
                met() ? "met" : "MISSED", 100 * margin());
    }
}
