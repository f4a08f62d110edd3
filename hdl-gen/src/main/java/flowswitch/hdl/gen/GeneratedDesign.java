package flowswitch.hdl.gen;

import java.nio.file.Path;

/** What {@code flowswitch gen} writes into its output directory. */
public record GeneratedDesign(Path directory, String topName, Path verilog, Path registerMapJson, Path cHeader,
                              Path registerMapMarkdown, Path lintWaivers) {}
