package flowswitch.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One switch instance: the hardware it is built with and everything the host loads into it. Always consistent:
 * the constructor refuses ports, services and servers that the hardware cannot hold or that contradict each other.
 *
 * @param clockHz      the board's core clock, which the flow table's aging ticks are counted in
 * @param flowTimeouts how long idle connections keep their flow table entries
 * @param routers      the router pool, in router table slot order
 */
public record SwitchConfig(HardwareParams hardware, MacAddress switchMac, List<PortConfig> ports,
                           List<ServiceConfig> services, long clockHz, FlowTimeouts flowTimeouts,
                           List<RouterConfig> routers) {
    /** 125 MHz: 1G Ethernet's GMII clock, which a 1G board's core commonly runs on. */
    public static final long DEFAULT_CLOCK_HZ = 125_000_000;

    /** @throws IllegalArgumentException naming the field (a YAML path such as services[0].servers[1].port) */
    public SwitchConfig {
        Objects.requireNonNull(hardware, "hardware");
        Objects.requireNonNull(switchMac, "switchMac");
        Objects.requireNonNull(flowTimeouts, "flowTimeouts");
        ports = List.copyOf(ports);
        services = List.copyOf(services);
        routers = List.copyOf(routers);
        SwitchConfigRules.check(hardware, switchMac, ports, services, clockHz);
        SwitchConfigRules.checkRouters(hardware, switchMac, services, routers);
    }

    /** A switch without a router pool. */
    public SwitchConfig(HardwareParams hardware, MacAddress switchMac, List<PortConfig> ports,
                        List<ServiceConfig> services, long clockHz, FlowTimeouts flowTimeouts) {
        this(hardware, switchMac, ports, services, clockHz, flowTimeouts, List.of());
    }

    /** A switch with the default clock and IPVS's flow timeouts. */
    public SwitchConfig(HardwareParams hardware, MacAddress switchMac, List<PortConfig> ports,
                        List<ServiceConfig> services) {
        this(hardware, switchMac, ports, services, DEFAULT_CLOCK_HZ, FlowTimeouts.DEFAULTS);
    }

    /** Reads and validates a config file; nothing is returned unless the whole file is valid. */
    public static SwitchConfig load(Path file) throws ConfigException {
        return ConfigReader.load(file);
    }

    /** @param sourceName how errors name the text, usually its file name */
    public static SwitchConfig parse(String yaml, String sourceName) throws ConfigException {
        return ConfigReader.parse(yaml, sourceName);
    }

    /** The config as YAML that {@link #parse} reads back to an equal config; every default is written out. */
    public String toYaml() {
        return ConfigWriter.write(this);
    }

    /** This config with another clock and flow timeouts. */
    public SwitchConfig withAging(long clockHz, FlowTimeouts flowTimeouts) {
        return new SwitchConfig(hardware, switchMac, ports, services, clockHz, flowTimeouts, routers);
    }

    /** This config with another router pool. */
    public SwitchConfig withRouters(List<RouterConfig> value) {
        return new SwitchConfig(hardware, switchMac, ports, services, clockHz, flowTimeouts, value);
    }

    /** The UPLINK_MASK register: bit i set when port i is an uplink port. */
    public int uplinkMask() {
        int mask = 0;
        for (PortConfig port : ports) {
            if (port.role() == PortRole.UPLINK) {
                mask |= 1 << port.index();
            }
        }
        return mask;
    }

    /** The hardware's server table: slots 0.. in the order services, then their servers, are listed. */
    public List<ServerSlot> serverSlots() {
        List<ServerSlot> slots = new ArrayList<>();
        for (int s = 0; s < services.size(); s++) {
            for (ServerConfig server : services.get(s).servers()) {
                slots.add(new ServerSlot(slots.size(), s, server));
            }
        }
        return List.copyOf(slots);
    }
}
