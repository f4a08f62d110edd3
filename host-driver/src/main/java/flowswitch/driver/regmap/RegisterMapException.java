package flowswitch.driver.regmap;

/** The register map file is missing, malformed, or lacks something the driver needs. */
public class RegisterMapException extends RuntimeException {
    public RegisterMapException(String message) {
        super(message);
    }

    public RegisterMapException(String message, Throwable cause) {
        super(message, cause);
    }
}
