package flowswitch.hdl.synth;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a build produced and measured.
 *
 * @param timing        per clock, when the flow placed and routed the design
 * @param noTimingReason why {@code timing} is empty (no place and route for the part, or the design did not fit)
 * @param notes         what the user must know or do next (for example that Vivado is needed for the bitstream)
 */
public record SynthResult(Outcome outcome, String top, List<Utilization> utilization, List<ClockTiming> timing,
                          Optional<String> noTimingReason, Optional<Path> bitstream, List<String> notes,
                          List<ToolRunner.Step> steps, Path outDir, Path manifest) {
    public SynthResult {
        utilization = List.copyOf(utilization);
        timing = List.copyOf(timing);
        notes = List.copyOf(notes);
        steps = List.copyOf(steps);
    }
}
