package flowswitch.driver.cli;

import picocli.CommandLine.Option;

/** The --json switch every read verb has. */
final class JsonOption {
    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;
}
