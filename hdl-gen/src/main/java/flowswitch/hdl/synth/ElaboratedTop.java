package flowswitch.hdl.synth;

import java.nio.file.Path;
import java.util.List;

/** A board top written as Verilog: its module name, the file, and the clocks its constraints must time. */
public record ElaboratedTop(String module, Path verilog, List<ClockTarget> clocks) {
    public ElaboratedTop {
        clocks = List.copyOf(clocks);
    }
}
