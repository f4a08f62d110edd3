package flowswitch.driver.api;

import flowswitch.config.HardwareParams;
import flowswitch.config.Ipv4Address;
import flowswitch.driver.regmap.Field;
import flowswitch.driver.regmap.Register;
import flowswitch.driver.regmap.RegisterMap;
import flowswitch.driver.transport.DeviceException;
import flowswitch.driver.transport.RegisterBus;
import java.util.ArrayList;
import java.util.List;

/** The service table: written through the SVC_* staging registers and SVC_COMMIT, read back through SVC_RD_*. */
final class ServiceTable {
    private final RegisterBus bus;
    private final HardwareParams hardware;
    private final Register index;
    private final Field indexValue;
    private final Register stagedVip;
    private final Field stagedVipValue;
    private final Register stagedCfg;
    private final ServiceCfgLayout staged;
    private final Register commit;
    private final Field commitBit;
    private final Register currentVip;
    private final Field currentVipValue;
    private final Register currentCfg;
    private final ServiceCfgLayout current;

    ServiceTable(RegisterMap map, RegisterBus bus, HardwareParams hardware) {
        this.bus = bus;
        this.hardware = hardware;
        index = map.register("SVC_INDEX");
        indexValue = index.field("value");
        stagedVip = map.register("SVC_VIP");
        stagedVipValue = stagedVip.field("value");
        stagedCfg = map.register("SVC_CFG");
        staged = ServiceCfgLayout.of(stagedCfg);
        commit = map.register("SVC_COMMIT");
        commitBit = commit.field("commit");
        currentVip = map.register("SVC_RD_VIP");
        currentVipValue = currentVip.field("value");
        currentCfg = map.register("SVC_RD_CFG");
        current = ServiceCfgLayout.of(currentCfg);
    }

    int slots() {
        return hardware.maxServices();
    }

    /** @throws IllegalArgumentException when the slot or the entry does not fit the device */
    void check(int slot, ServiceEntry entry) {
        Limits.slot("service", slot, slots());
        Limits.fits("service slot", slot, indexValue);
        if (!entry.enabled()) {
            return;
        }
        Limits.fits("service port", entry.port(), staged.port());
        Limits.fits("protocol number", entry.protocol().number(), staged.proto());
        Limits.fits("scheduler code", entry.scheduler().code(), staged.scheduler());
    }

    void write(int slot, ServiceEntry entry) {
        check(slot, entry);
        bus.write(index.address(), indexValue.set(0, slot));
        long vip = entry.enabled() ? Integer.toUnsignedLong(entry.vip().value()) : 0;
        bus.write(stagedVip.address(), stagedVipValue.set(0, vip));
        bus.write(stagedCfg.address(), staged.encode(entry));
        bus.write(commit.address(), commitBit.set(0, 1));
    }

    ServiceEntry read(int slot) {
        Limits.slot("service", slot, slots());
        bus.write(index.address(), indexValue.set(0, slot));
        int word = bus.read(currentCfg.address());
        if (!current.isEnabled(word)) {
            return ServiceEntry.DISABLED;
        }
        Ipv4Address vip = new Ipv4Address((int) currentVipValue.get(bus.read(currentVip.address())));
        try {
            return current.decodeEnabled(word, vip);
        } catch (IllegalArgumentException e) {
            throw new DeviceException(bus.device(), "read service slot " + slot, e.getMessage());
        }
    }

    List<ServiceEntry> readAll() {
        List<ServiceEntry> entries = new ArrayList<>();
        for (int slot = 0; slot < slots(); slot++) {
            entries.add(read(slot));
        }
        return entries;
    }
}
