package flowswitch.sim.testbed;

/** The testbed cannot be set up, used or removed as asked; the message says why and what to do next. */
public final class TestbedException extends IllegalStateException {
    public TestbedException(String message) {
        super(message);
    }

    public TestbedException(String message, Throwable cause) {
        super(message, cause);
    }
}
