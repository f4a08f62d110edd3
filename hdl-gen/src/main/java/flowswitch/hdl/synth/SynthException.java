package flowswitch.hdl.synth;

/** A synthesis run that failed: a tool is missing or failed, the design does not fit, or timing is not met. */
public class SynthException extends RuntimeException {
    public SynthException(String message) {
        super(message);
    }

    public SynthException(String message, Throwable cause) {
        super(message, cause);
    }
}
