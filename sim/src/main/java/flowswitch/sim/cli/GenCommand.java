package flowswitch.sim.cli;

import flowswitch.config.SwitchConfig;
import flowswitch.hdl.gen.GeneratedDesign;
import flowswitch.hdl.gen.Generator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "gen", mixinStandardHelpOptions = true,
        description = "Generate the Verilog and the register map (JSON, C header, Markdown) for a config's hardware.")
final class GenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Switch description (YAML).")
    Path config;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Override
    public Integer call() throws Exception {
        SwitchConfig cfg = SwitchConfig.load(config);
        GeneratedDesign d = Generator.generate(cfg.hardware(), out);
        var w = spec.commandLine().getOut();
        w.printf("generated %s (build 0x%08x) into %s%n", d.topName(), cfg.hardware().buildHash(), d.directory());
        for (Path p : new Path[] {d.verilog(), d.registerMapJson(), d.cHeader(), d.registerMapMarkdown()}) {
            w.println("  " + p.getFileName());
        }
        return 0;
    }
}
