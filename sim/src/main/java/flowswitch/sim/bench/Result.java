package flowswitch.sim.bench;

/**
 * What one scenario measured, as ratios to the physical limit of the model: one beat per cycle per port.
 *
 * @param inputBeatsPerCycle  beats accepted per cycle per input, averaged over ports, while frames were waiting
 *                            (1.00 means the inputs never saw tready low)
 * @param lineRate            the frame rate the inputs took, as a fraction of Ethernet line rate on a link whose byte
 *                            rate equals the bus's (each frame also costs 20 bytes of preamble and gap on the wire,
 *                            so a bus running flat out carries more than line rate: above 1.00 is headroom)
 * @param outputBeatsPerCycle beats delivered per cycle per output over the whole run
 * @param latencyMin          cycles from a frame's first beat in to its first beat out
 * @param newFlowsPerCycle    new connections given a server per cycle of the run (inserted into the flow table, or
 *                            picked by hash once it is full)
 * @param simCyclesPerSecond  simulation speed (wall clock)
 */
public record Result(Scenario scenario, double inputBeatsPerCycle, double lineRate, double outputBeatsPerCycle,
                     long latencyMin, long latencyMedian, long latencyMax, double newFlowsPerCycle,
                     long cycles, double simCyclesPerSecond) {}
