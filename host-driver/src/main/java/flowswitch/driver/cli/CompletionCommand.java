package flowswitch.driver.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "completion",
        description = {"Print a bash completion script for fsctl (works in zsh with bashcompinit).",
                "Use: source <(fsctl completion), or save it to /etc/bash_completion.d/fsctl."})
final class CompletionCommand implements Runnable {
    @Mixin
    private HelpOption help;
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().print(AutoComplete.bash("fsctl", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
    }
}
