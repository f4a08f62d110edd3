package flowswitch.driver.api;

import flowswitch.config.MacAddress;
import flowswitch.driver.regmap.Field;
import flowswitch.driver.regmap.Register;
import flowswitch.driver.regmap.RegisterMap;
import flowswitch.driver.regmap.RegisterMapException;
import flowswitch.driver.transport.RegisterBus;

/** A MAC address held in a {@code <NAME>_LO} / {@code <NAME>_HI} register pair: low bytes in LO, first bytes in HI. */
record MacRegisterPair(Register lo, Field loValue, Register hi, Field hiValue) {
    private static final int MAC_BITS = 48;

    static MacRegisterPair resolve(RegisterMap map, String prefix) {
        Register lo = map.register(prefix + "_LO");
        Register hi = map.register(prefix + "_HI");
        MacRegisterPair pair = new MacRegisterPair(lo, lo.field("value"), hi, hi.field("value"));
        if (pair.loValue.width() + pair.hiValue.width() != MAC_BITS) {
            throw new RegisterMapException("register map " + map.source() + ": " + lo.name() + " and " + hi.name()
                    + " hold " + (pair.loValue.width() + pair.hiValue.width()) + " bits, not the 48 of a MAC address");
        }
        return pair;
    }

    MacAddress read(RegisterBus bus) {
        long low = loValue.get(bus.read(lo.address()));
        long high = hiValue.get(bus.read(hi.address()));
        return new MacAddress(high << loValue.width() | low);
    }

    void write(RegisterBus bus, MacAddress mac) {
        bus.write(lo.address(), loValue.set(0, mac.value() & loValue.max()));
        bus.write(hi.address(), hiValue.set(0, mac.value() >>> loValue.width()));
    }
}
