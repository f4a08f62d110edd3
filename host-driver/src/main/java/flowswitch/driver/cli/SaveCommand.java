package flowswitch.driver.cli;

import flowswitch.config.SwitchConfig;
import flowswitch.driver.api.SavedConfig;
import flowswitch.driver.files.AtomicFile;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "save",
        description = {"Write the device's configuration as a config file (YAML): hardware from its HW_* registers,"
                + " switch MAC, port roles, clock and flow timeouts, services and servers, named from the names file.",
                "`fsctl apply` of the file on the same device changes nothing."})
final class SaveCommand implements Runnable {
    @Mixin
    private HelpOption help;
    @ParentCommand
    private Fsctl fsctl;
    @Spec
    private CommandSpec spec;
    @Parameters(paramLabel = "FILE", arity = "0..1", description = "Where to write it (replaced whole); default:"
            + " standard output.")
    private Path file;

    @Override
    public void run() {
        SavedConfig saved;
        String device;
        try (Session session = fsctl.open()) {
            saved = session.balancer().save();
            device = session.device().name();
        }
        saved.leftOut().forEach(what -> spec.commandLine().getErr().println("fsctl: warning: left out: " + what));
        SwitchConfig config = saved.config();
        String yaml = "# saved by fsctl from " + device + "\n" + config.toYaml();
        if (file == null) {
            spec.commandLine().getOut().print(yaml);
            spec.commandLine().getOut().flush();
            return;
        }
        AtomicFile.write(file, yaml);
        spec.commandLine().getOut().printf("saved %s to %s: %d services, %d servers%n", device, file,
                config.services().size(), config.serverSlots().size());
    }
}
