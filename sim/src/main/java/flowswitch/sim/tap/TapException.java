package flowswitch.sim.tap;

/** A TAP device could not be opened or used; the message says why and what to do. */
public final class TapException extends IllegalStateException {
    public TapException(String message) {
        super(message);
    }
}
