package flowswitch.driver.transport;

import flowswitch.driver.regmap.RegisterMap;
import flowswitch.driver.transport.pcie.PcieBus;
import flowswitch.driver.transport.pcie.PcieTarget;
import flowswitch.driver.transport.serial.SerialBus;
import flowswitch.driver.transport.serial.SerialSettings;
import flowswitch.driver.transport.sim.SimSocketBus;
import java.nio.file.Path;
import java.util.Optional;

/** Where a device is, as given to {@code fsctl --device}: {@code sim:PATH}, {@code serial:...} or {@code pcie:...}. */
public sealed interface DeviceAddress {
    String FORMS = "sim:PATH, serial:/dev/ttyX[@baud] or pcie:BDF (or pcie:/dev/xdma0_user)";

    /**
     * Opens the register bus at this address, for a device that {@code map} describes (PCIe uses the map's ID
     * register to recognise a device that has gone from the bus).
     */
    RegisterBus open(RegisterMap map);

    /** The register map to use when none is given: the one a transport keeps next to the device, if any. */
    Optional<Path> defaultRegisterMap();

    /** The file the device is reached through: every process that uses the device opens this one. */
    Path resource();

    /** A simulator serving its registers on the Unix domain socket {@code socket}. */
    record Sim(Path socket) implements DeviceAddress {
        @Override
        public RegisterBus open(RegisterMap map) {
            return new SimSocketBus(socket);
        }

        @Override
        public Optional<Path> defaultRegisterMap() {
            Path dir = socket.toAbsolutePath().getParent();
            return Optional.of(dir.resolve("regmap.json"));
        }

        @Override
        public Path resource() {
            return socket;
        }

        @Override
        public String toString() {
            return "sim:" + socket;
        }
    }

    /** A UART bridge on serial port {@code port} (or a pseudo-terminal), talked to with {@code settings}. */
    record Serial(Path port, SerialSettings settings) implements DeviceAddress {
        @Override
        public RegisterBus open(RegisterMap map) {
            return SerialBus.open(port, settings);
        }

        @Override
        public Optional<Path> defaultRegisterMap() {
            return Optional.empty();
        }

        @Override
        public Path resource() {
            return port;
        }

        @Override
        public String toString() {
            return "serial:" + port + "@" + settings.baud();
        }
    }

    /** BAR0 of a PCIe function. */
    record Pcie(PcieTarget target) implements DeviceAddress {
        @Override
        public RegisterBus open(RegisterMap map) {
            return PcieBus.open(target, map.register("ID").address());
        }

        @Override
        public Optional<Path> defaultRegisterMap() {
            return Optional.empty();
        }

        @Override
        public Path resource() {
            return target.file();
        }

        @Override
        public String toString() {
            return target.toString();
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
        if (colon >= 0 && rest.isEmpty()) {
            throw new IllegalArgumentException("device '" + text + "' names no " + kind + " device; expected " + FORMS);
        }
        return switch (kind) {
            case "sim" -> new Sim(Path.of(rest));
            case "serial" -> parseSerial(text, rest);
            case "pcie" -> new Pcie(PcieTarget.parse(rest));
            default -> throw new IllegalArgumentException("device '" + text + "' is not understood; expected " + FORMS);
        };
    }

    private static Serial parseSerial(String text, String rest) {
        int at = rest.lastIndexOf('@');
        String port = at < 0 ? rest : rest.substring(0, at);
        String baud = at < 0 ? String.valueOf(SerialSettings.DEFAULT_BAUD) : rest.substring(at + 1);
        if (port.isEmpty() || !baud.matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException("device '" + text + "': expected serial:/dev/ttyX or"
                    + " serial:/dev/ttyX@BAUD, e.g. serial:/dev/ttyUSB0@115200");
        }
        return new Serial(Path.of(port), SerialSettings.defaults(Integer.parseInt(baud)));
    }
}
