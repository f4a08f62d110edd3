package flowswitch.driver.api;

import flowswitch.config.Protocol;
import java.util.Arrays;

/** IP protocol numbers as the service and flow tables hold them. */
final class ProtocolNumbers {
    private ProtocolNumbers() {
    }

    /** @throws IllegalArgumentException when {@code number} is not a protocol this driver knows */
    static Protocol decode(int number) {
        return Arrays.stream(Protocol.values()).filter(p -> p.number() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("protocol number " + number
                        + " is not one this driver knows (" + Arrays.toString(Protocol.values()) + ")"));
    }
}
