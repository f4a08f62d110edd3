package flowswitch.hdl.synth;

/** A clock pin of a board top and the frequency it runs at. */
public record ClockTarget(String port, double mhz) {
    public ClockTarget {
        if (!(mhz > 0)) throw new IllegalArgumentException("clock " + port + " needs a positive frequency, got " + mhz);
    }
}
