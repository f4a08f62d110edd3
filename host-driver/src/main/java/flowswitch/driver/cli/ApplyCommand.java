package flowswitch.driver.cli;

import flowswitch.config.ConfigException;
import flowswitch.config.SwitchConfig;
import flowswitch.driver.names.SlotNames;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "apply",
        description = "Load a whole config file into the device: switch MAC, uplink ports, services and servers."
                + " Slots the file does not use are cleared. A file that does not fit changes nothing.")
final class ApplyCommand implements Callable<Integer> {
    @Mixin
    private HelpOption help;
    @ParentCommand
    private Fsctl fsctl;
    @Spec
    private CommandSpec spec;
    @Parameters(paramLabel = "FILE", description = "The switch config (YAML).")
    private Path file;

    @Override
    public Integer call() throws ConfigException {
        SwitchConfig config = SwitchConfig.load(file);
        try (Session session = fsctl.open()) {
            session.device().apply(config);
            session.names().save(SlotNames.of(config));
        }
        spec.commandLine().getOut().printf("applied %s: %d services, %d servers%n", file, config.services().size(),
                config.serverSlots().size());
        return ExitCode.OK.status();
    }
}
