package flowswitch.driver.api;

/** The device, as its register map describes it, cannot do what was asked; nothing was written. */
public class UnsupportedByDeviceException extends RuntimeException {
    public UnsupportedByDeviceException(String message) {
        super(message);
    }
}
