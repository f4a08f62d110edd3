package flowswitch.driver.transport;

import flowswitch.driver.transport.sim.SimSocketBus;
import java.nio.file.Path;
import java.util.Optional;

/** Where a device is, as given to {@code fsctl --device}: {@code sim:PATH}, {@code serial:...} or {@code pcie:...}. */
public sealed interface DeviceAddress {

    /** Opens the register bus at this address. */
    RegisterBus open();

    /** The register map to use when none is given: the one a transport keeps next to the device, if any. */
    Optional<Path> defaultRegisterMap();

    /** A simulator serving its registers on the Unix domain socket {@code socket}. */
    record Sim(Path socket) implements DeviceAddress {
        @Override
        public RegisterBus open() {
            return new SimSocketBus(socket);
        }

        @Override
        public Optional<Path> defaultRegisterMap() {
            Path dir = socket.toAbsolutePath().getParent();
            return Optional.of(dir.resolve("regmap.json"));
        }

        @Override
        public String toString() {
            return "sim:" + socket;
        }
    }

    /**
     * @throws IllegalArgumentException when {@code text} is not a device address this driver supports, saying
     *         which forms it does
     */
    static DeviceAddress parse(String text) {
        int colon = text.indexOf(':');
        String kind = colon < 0 ? text : text.substring(0, colon);
        String rest = colon < 0 ? "" : text.substring(colon + 1);
        return switch (kind) {
            case "sim" -> {
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException("device 'sim:' needs the simulator's socket path, e.g."
                            + " sim:target/sim/flowswitch.sock");
                }
                yield new Sim(Path.of(rest));
            }
            case "serial", "pcie" -> throw new IllegalArgumentException("device '" + text + "': the " + kind
                    + " transport is not supported yet; use sim:PATH");
            default -> throw new IllegalArgumentException("device '" + text + "' is not understood; expected"
                    + " sim:PATH (serial:/dev/ttyX[@baud] and pcie:BDF are not supported yet)");
        };
    }
}
