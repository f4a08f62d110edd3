package flowswitch.driver.transport;

/** An access to the device failed, or the device is not the one expected. The message names both. */
public class DeviceException extends RuntimeException {
    public DeviceException(String device, String operation, String problem) {
        super(device + ": " + operation + ": " + problem);
    }

    public DeviceException(String device, String operation, String problem, Throwable cause) {
        super(device + ": " + operation + ": " + problem, cause);
    }
}
