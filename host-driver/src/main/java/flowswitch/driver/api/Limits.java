package flowswitch.driver.api;

import flowswitch.config.HardwareParams;
import flowswitch.config.MacAddress;
import flowswitch.driver.regmap.Field;

/** Argument checks shared by the device and its tables; each failure says what was given and what is allowed. */
final class Limits {
    private Limits() {
    }

    static void slot(String table, int slot, int slots) {
        if (slot < 0 || slot >= slots) {
            throw new IllegalArgumentException(table + " slot " + slot + " does not exist; the device has "
                    + table + " slots 0.." + (slots - 1));
        }
    }

    static void port(int port, HardwareParams hardware) {
        if (port < 0 || port >= hardware.ports()) {
            throw new IllegalArgumentException("port " + port + " does not exist; the device has ports 0.."
                    + (hardware.ports() - 1));
        }
    }

    /** The value must fit the register field that will hold it. */
    static void fits(String what, long value, Field field) {
        if (value < 0 || value > field.max()) {
            throw new IllegalArgumentException(what + " " + value + " is out of range 0.." + field.max());
        }
    }

    static void unicast(String what, MacAddress mac) {
        if (mac.isMulticast()) {
            throw new IllegalArgumentException(what + " " + mac + " is a multicast address; expected a unicast MAC"
                    + " (bit 0 of the first octet clear)");
        }
    }
}
