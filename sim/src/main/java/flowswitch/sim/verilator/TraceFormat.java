package flowswitch.sim.verilator;

import java.util.List;

/** Whether a model is compiled with waveform support, and in which format. Tracing costs build and run time. */
public enum TraceFormat {
    NONE(List.of()),
    VCD(List.of("--trace")),
    FST(List.of("--trace-fst"));

    private final List<String> verilatorFlags;

    TraceFormat(List<String> verilatorFlags) {
        this.verilatorFlags = verilatorFlags;
    }

    List<String> verilatorFlags() {
        return verilatorFlags;
    }
}
