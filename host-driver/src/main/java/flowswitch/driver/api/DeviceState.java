package flowswitch.driver.api;

import flowswitch.config.MacAddress;
import java.util.List;
import java.util.stream.IntStream;

/** Everything the host loads into a device, as read from it (or as a plan leaves it): one entry per table slot. */
public record DeviceState(MacAddress switchMac, int uplinkMask, List<ServiceEntry> services,
                          List<ServerEntry> servers, List<RouterEntry> routers) {
    public DeviceState {
        services = List.copyOf(services);
        servers = List.copyOf(servers);
        routers = List.copyOf(routers);
    }

    /** The ports whose bit is set in the uplink mask, lowest first. */
    public List<Integer> uplinkPorts() {
        return IntStream.range(0, Integer.SIZE).filter(this::isUplink).boxed().toList();
    }

    public boolean isUplink(int port) {
        return (uplinkMask >>> port & 1) != 0;
    }
}
