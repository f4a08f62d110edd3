package flowswitch.sim.tap;

/**
 * What a {@link TapBridge} has carried since it started.
 *
 * @param framesIn      frames read from the TAP devices and pushed into the switch
 * @param framesOut     frames the switch sent and the bridge wrote to a TAP device
 * @param framesDropped frames the switch sent that no TAP took: the port has no TAP, or its interface was down
 * @param cycles        clock cycles the bridge ran the model for (register accesses run more, on their own)
 * @param activeNanos   wall time the bridge spent running the model or moving frames, that is, not asleep
 */
public record BridgeStats(long framesIn, long framesOut, long framesDropped, long cycles, long activeNanos) {
    /** Simulated cycles per second of active time; 0 before anything ran. */
    public double cyclesPerSecond() {
        return activeNanos == 0 ? 0 : cycles * 1e9 / activeNanos;
    }

    /** What happened between {@code earlier} and this. */
    public BridgeStats since(BridgeStats earlier) {
        return new BridgeStats(framesIn - earlier.framesIn, framesOut - earlier.framesOut,
                framesDropped - earlier.framesDropped, cycles - earlier.cycles, activeNanos - earlier.activeNanos);
    }
}
