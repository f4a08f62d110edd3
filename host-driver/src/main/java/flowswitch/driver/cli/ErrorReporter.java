package flowswitch.driver.cli;

import flowswitch.config.ConfigException;
import flowswitch.driver.regmap.RegisterMapException;
import flowswitch.driver.transport.DeviceException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on stderr and the program's exit status (2: bad input, nothing changed;
 * 1: the device or the run failed); users never see a stack trace unless FLOWSWITCH_DEBUG is set. Shared by
 * {@code fsctl} and {@code flowswitch}, which add the exception types of their own inputs and failures.
 */
public final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private static final List<Class<? extends Exception>> BAD_INPUT = List.of(IllegalArgumentException.class,
            RegisterMapException.class, ConfigException.class, NoSuchFileException.class);
    private static final List<Class<? extends Exception>> EXPLAINED = List.of(DeviceException.class,
            UncheckedIOException.class);

    private final String program;
    private final List<Class<? extends Exception>> badInput;
    private final List<Class<? extends Exception>> explained;

    /**
     * @param moreBadInput exceptions that mean the user's input is wrong (exit 2)
     * @param moreFailures exceptions whose message already explains a failure (exit 1, message shown as is)
     */
    public ErrorReporter(String program, List<Class<? extends Exception>> moreBadInput,
                         List<Class<? extends Exception>> moreFailures) {
        this.program = program;
        this.badInput = concat(BAD_INPUT, moreBadInput);
        this.explained = concat(EXPLAINED, moreFailures);
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println(program + ": " + e.getMessage() + " (see `" + command.getCommandSpec().qualifiedName()
                + " --help`)");
        return ExitCode.BAD_INPUT.status();
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        command.getErr().println(program + ": " + message(e));
        if (System.getenv("FLOWSWITCH_DEBUG") != null) e.printStackTrace(command.getErr());
        return (isA(e, badInput) ? ExitCode.BAD_INPUT : ExitCode.DEVICE_ERROR).status();
    }

    private String message(Exception e) {
        if (e instanceof NoSuchFileException) return "no such file: " + e.getMessage();
        if (isA(e, badInput) || isA(e, explained)) return e.getMessage();
        // Anything else is a defect of the program: say so, with what happened, still on one line.
        return "internal error: " + e + " (set FLOWSWITCH_DEBUG=1 for the stack trace)";
    }

    private static boolean isA(Exception e, List<Class<? extends Exception>> types) {
        return types.stream().anyMatch(t -> t.isInstance(e));
    }

    private static List<Class<? extends Exception>> concat(List<Class<? extends Exception>> a,
                                                           List<Class<? extends Exception>> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
