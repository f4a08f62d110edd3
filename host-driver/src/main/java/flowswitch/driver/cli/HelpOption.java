package flowswitch.driver.cli;

import picocli.CommandLine.Option;

/** -h/--help on every command (picocli's standard mixin would add a -V with no version to print). */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean requested;
}
