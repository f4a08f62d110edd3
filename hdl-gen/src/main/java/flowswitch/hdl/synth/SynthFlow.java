package flowswitch.hdl.synth;

import java.util.Map;

/** One toolchain's way from an elaborated top to a bitstream or an estimate. */
interface SynthFlow {
    /** The versions of the tools this flow runs, by tool name, for the manifest. */
    Map<String, String> toolVersions();

    /**
     * Builds {@code top} into {@code request.outDir()}.
     *
     * @throws SynthException when a tool fails for a reason other than the design's (not installed, crashed)
     */
    SynthResult run(SynthRequest request, ElaboratedTop top, ToolRunner runner);
}
