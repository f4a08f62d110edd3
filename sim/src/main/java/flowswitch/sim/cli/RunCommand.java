package flowswitch.sim.cli;

import flowswitch.config.SwitchConfig;
import flowswitch.sim.device.ControlSocket;
import flowswitch.sim.device.SimulatedSwitch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the simulated switch and serve its register bus on a local socket for fsctl:",
                "  ./fsctl --device sim:PATH info",
                "The register map is written next to the socket (regmap.json), where fsctl looks for it."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Switch description (YAML).")
    Path config;

    @Option(names = "--control", required = true, paramLabel = "PATH", description = "Unix socket to serve.")
    Path control;

    @Option(names = "--work", paramLabel = "DIR", description = "Where the generated design goes (default: next to the socket).")
    Path work;

    @Override
    public Integer call() throws Exception {
        SwitchConfig cfg = SwitchConfig.load(config);
        Path dir = control.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        try (SimulatedSwitch sw = SimulatedSwitch.start(cfg, work != null ? work : dir.resolve("build"));
             ControlSocket server = ControlSocket.serve(sw, cfg, control)) {
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            spec.commandLine().getOut().printf("serving %s (build 0x%08x) on %s; Ctrl-C stops%n",
                    sw.design().topName(), cfg.hardware().buildHash(), control);
            stop.await();
        }
        return 0;
    }
}
