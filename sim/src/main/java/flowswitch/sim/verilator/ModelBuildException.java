package flowswitch.sim.verilator;

import java.nio.file.Path;
import java.util.Optional;

/** A model could not be built: bad sources, a compiler error, or a missing tool. */
public class ModelBuildException extends RuntimeException {
    private final transient Path log;

    public ModelBuildException(String message, Path log, Throwable cause) {
        super(message, cause);
        this.log = log;
    }

    public ModelBuildException(String message) {
        this(message, null, null);
    }

    /** The compiler's full output, when the failure came from the compiler. */
    public Optional<Path> log() {
        return Optional.ofNullable(log);
    }
}
