package flowswitch.sim.cli;

import flowswitch.config.ConfigException;
import flowswitch.sim.pcap.PcapException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** One line on stderr per failure, and the exit codes the help lists; a stack trace only with FLOWSWITCH_DEBUG set. */
final class CliErrors implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;
    private final String program;

    CliErrors(String program) {
        this.program = program;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println(program + ": " + e.getMessage() + " (see `" + cmd.getCommandSpec().qualifiedName()
                + " --help`)");
        return BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        boolean badInput = e instanceof ConfigException || e instanceof PcapException
                || e instanceof IllegalArgumentException || e instanceof java.nio.file.NoSuchFileException;
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException) message = "no such file: " + e.getMessage();
        cmd.getErr().println(program + ": " + message);
        if (System.getenv("FLOWSWITCH_DEBUG") != null) e.printStackTrace(cmd.getErr());
        return badInput ? BAD_INPUT : FAILED;
    }
}
