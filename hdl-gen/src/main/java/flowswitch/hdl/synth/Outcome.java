package flowswitch.hdl.synth;

/** How a build ended. Only {@link #BITSTREAM} and {@link #ESTIMATE} are successes. */
public enum Outcome {
    /** Placed, routed, timing met, bitstream written. */
    BITSTREAM("bitstream"),
    /** Synthesized with open tools only: resource counts, no timing, no bitstream (a Xilinx part without Vivado). */
    ESTIMATE("estimate"),
    /** The design needs more of some resource than the part has. */
    DOES_NOT_FIT("does-not-fit"),
    /** Placed and routed, but a clock misses its target. */
    TIMING_NOT_MET("timing-not-met");

    private final String id;

    Outcome(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean succeeded() {
        return this == BITSTREAM || this == ESTIMATE;
    }
}
