package flowswitch.driver.cli;

/** The flow table does not hold the connection a verb names; the message says which. */
final class NoSuchFlowException extends RuntimeException {
    NoSuchFlowException(String message) {
        super(message);
    }
}
