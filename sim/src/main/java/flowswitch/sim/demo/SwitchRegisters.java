package flowswitch.sim.demo;

import flowswitch.driver.api.Counters;
import flowswitch.driver.api.FlowSwitchDevice;
import flowswitch.driver.regmap.RegisterMap;
import flowswitch.driver.transport.DeviceAddress;
import flowswitch.driver.transport.DeviceLock;
import flowswitch.driver.transport.ExclusiveBus;
import flowswitch.driver.transport.RegisterBus;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The testbed switch's registers through its sim socket, with the register map the switch wrote beside it. Each use
 * opens the device under fsctl's device lock and closes it again, so the fsctl health running meanwhile never
 * meets a half-done update and is never kept out for long.
 */
final class SwitchRegisters {
    private final DeviceAddress.Sim address;
    private final RegisterMap map;

    SwitchRegisters(Path socket) {
        this.address = new DeviceAddress.Sim(socket);
        this.map = RegisterMap.load(address.defaultRegisterMap().orElseThrow());
    }

    Counters counters() {
        return withDevice(FlowSwitchDevice::counters);
    }

    /** Empties the flow table (what {@code fsctl flows flush} does). */
    void flushFlows() {
        withDevice(device -> {
            device.flushFlows();
            return null;
        });
    }

    private <T> T withDevice(Function<FlowSwitchDevice, T> use) {
        try (RegisterBus bus = ExclusiveBus.open(address, map, DeviceLock.directoryFor(address),
                DeviceLock.DEFAULT_WAIT)) {
            return use.apply(FlowSwitchDevice.open(bus, map));
        }
    }
}
