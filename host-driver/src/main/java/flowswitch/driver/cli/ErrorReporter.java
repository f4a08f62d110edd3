package flowswitch.driver.cli;

import flowswitch.config.ConfigException;
import flowswitch.driver.regmap.RegisterMapException;
import flowswitch.driver.transport.DeviceException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Turns every failure into one line on stderr and fsctl's exit status; users never see a stack trace. */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println("fsctl: " + e.getMessage() + " (see `" + command.getCommandSpec().qualifiedName()
                + " --help`)");
        return ExitCode.BAD_INPUT.status();
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        command.getErr().println("fsctl: " + message(e));
        return exitCode(e).status();
    }

    private static ExitCode exitCode(Exception e) {
        if (e instanceof IllegalArgumentException || e instanceof RegisterMapException
                || e instanceof ConfigException) {
            return ExitCode.BAD_INPUT;
        }
        return ExitCode.DEVICE_ERROR;
    }

    private static String message(Exception e) {
        if (e instanceof DeviceException || e instanceof IllegalArgumentException
                || e instanceof RegisterMapException || e instanceof ConfigException
                || e instanceof UncheckedIOException) {
            return e.getMessage();
        }
        // Anything else is a defect of fsctl: say so, with what happened, still on one line.
        return "internal error: " + e;
    }
}
