package flowswitch.driver.api;

import flowswitch.config.HardwareParams;
import flowswitch.config.MacAddress;
import flowswitch.driver.regmap.Field;
import flowswitch.driver.regmap.Register;
import flowswitch.driver.regmap.RegisterMap;
import flowswitch.driver.transport.DeviceException;
import flowswitch.driver.transport.RegisterBus;
import java.util.ArrayList;
import java.util.List;

/** The server table: written through the SRV_* staging registers and SRV_COMMIT, read back through SRV_RD_*. */
final class ServerTable {
    private final RegisterBus bus;
    private final HardwareParams hardware;
    private final Register index;
    private final Field indexValue;
    private final MacRegisterPair stagedMac;
    private final Register stagedCfg;
    private final ServerCfgLayout staged;
    private final Register commit;
    private final Field commitBit;
    private final MacRegisterPair currentMac;
    private final Register currentCfg;
    private final ServerCfgLayout current;

    ServerTable(RegisterMap map, RegisterBus bus, HardwareParams hardware) {
        this.bus = bus;
        this.hardware = hardware;
        index = map.register("SRV_INDEX");
        indexValue = index.field("value");
        stagedMac = MacRegisterPair.resolve(map, "SRV_MAC");
        stagedCfg = map.register("SRV_CFG");
        staged = ServerCfgLayout.of(stagedCfg);
        commit = map.register("SRV_COMMIT");
        commitBit = commit.field("commit");
        currentMac = MacRegisterPair.resolve(map, "SRV_RD_MAC");
        currentCfg = map.register("SRV_RD_CFG");
        current = ServerCfgLayout.of(currentCfg);
    }

    int slots() {
        return hardware.maxServers();
    }

    /** @throws IllegalArgumentException when the slot or the entry does not fit the device */
    void check(int slot, ServerEntry entry) {
        Limits.slot("server", slot, slots());
        Limits.fits("server slot", slot, indexValue);
        if (!entry.valid()) {
            return;
        }
        Limits.slot("service", entry.service(), hardware.maxServices());
        Limits.fits("service slot", entry.service(), staged.service());
        Limits.port(entry.port(), hardware);
        Limits.fits("port", entry.port(), staged.port());
        Limits.fits("weight", entry.weight(), staged.weight());
        Limits.fits("state code", entry.state().code(), staged.state());
        Limits.unicast("server MAC", entry.mac());
    }

    void write(int slot, ServerEntry entry) {
        check(slot, entry);
        bus.write(index.address(), indexValue.set(0, slot));
        stagedMac.write(bus, entry.valid() ? entry.mac() : new MacAddress(0));
        bus.write(stagedCfg.address(), staged.encode(entry));
        bus.write(commit.address(), commitBit.set(0, 1));
    }

    ServerEntry read(int slot) {
        Limits.slot("server", slot, slots());
        bus.write(index.address(), indexValue.set(0, slot));
        int word = bus.read(currentCfg.address());
        if (!current.isValid(word)) {
            return ServerEntry.EMPTY;
        }
        try {
            return current.decodeValid(word, currentMac.read(bus));
        } catch (IllegalArgumentException e) {
            throw new DeviceException(bus.device(), "read server slot " + slot, e.getMessage());
        }
    }

    List<ServerEntry> readAll() {
        List<ServerEntry> entries = new ArrayList<>();
        for (int slot = 0; slot < slots(); slot++) {
            entries.add(read(slot));
        }
        return entries;
    }
}
