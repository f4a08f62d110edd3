package flowswitch.driver.api;

import flowswitch.config.MacAddress;
import flowswitch.config.RouterState;
import flowswitch.driver.regmap.Field;
import flowswitch.driver.regmap.Register;
import flowswitch.driver.regmap.RegisterMap;
import flowswitch.driver.transport.RegisterBus;
import java.util.ArrayList;
import java.util.List;

/** The router table: written through the RTR_* staging registers and RTR_COMMIT, read back through RTR_RD_*. */
final class RouterTable {
    private final RegisterBus bus;
    private final int slots;
    private final Register index;
    private final Field indexValue;
    private final MacRegisterPair stagedMac;
    private final Register stagedCfg;
    private final Register commit;
    private final MacRegisterPair currentMac;
    private final Register currentCfg;
    private final Field state;
    private final Field valid;

    RouterTable(RegisterMap map, RegisterBus bus, int slots) {
        this.bus = bus;
        this.slots = slots;
        index = map.register("RTR_INDEX");
        indexValue = index.field("value");
        stagedMac = MacRegisterPair.resolve(map, "RTR_MAC");
        stagedCfg = map.register("RTR_CFG");
        state = stagedCfg.field("state");
        valid = stagedCfg.field("valid");
        commit = map.register("RTR_COMMIT");
        currentMac = MacRegisterPair.resolve(map, "RTR_RD_MAC");
        currentCfg = map.register("RTR_RD_CFG");
    }

    int slots() {
        return slots;
    }

    /** @throws IllegalArgumentException when the slot or the entry does not fit the device */
    void check(int slot, RouterEntry entry) {
        Limits.slot("router", slot, slots);
        Limits.fits("router slot", slot, indexValue);
        if (entry.valid()) {
            Limits.unicast("router MAC", entry.mac());
        }
    }

    void write(int slot, RouterEntry entry) {
        check(slot, entry);
        bus.write(index.address(), indexValue.set(0, slot));
        stagedMac.write(bus, entry.valid() ? entry.mac() : new MacAddress(0));
        // An empty slot encodes as all zeros, so it holds nothing stale.
        bus.write(stagedCfg.address(), entry.valid() ? valid.set(state.set(0, entry.state().code()), 1) : 0);
        bus.write(commit.address(), commit.field("commit").set(0, 1));
    }

    RouterEntry read(int slot) {
        Limits.slot("router", slot, slots);
        bus.write(index.address(), indexValue.set(0, slot));
        int word = bus.read(currentCfg.address());
        if (valid.get(word) == 0) {
            return RouterEntry.EMPTY;
        }
        RouterState up = state.get(word) == RouterState.UP.code() ? RouterState.UP : RouterState.DOWN;
        return new RouterEntry(true, currentMac.read(bus), up);
    }

    List<RouterEntry> readAll() {
        List<RouterEntry> entries = new ArrayList<>();
        for (int slot = 0; slot < slots; slot++) {
            entries.add(read(slot));
        }
        return entries;
    }
}
