package flowswitch.driver.api;

import flowswitch.config.HardwareParams;
import flowswitch.config.MacAddress;
import flowswitch.config.Scheduler;
import flowswitch.config.RouterConfig;
import flowswitch.config.RouterState;
import flowswitch.config.ServerSlot;
import flowswitch.config.ServerState;
import flowswitch.config.ServiceConfig;
import flowswitch.config.SwitchConfig;
import flowswitch.driver.names.SlotNames;
import flowswitch.driver.regmap.Counter;
import flowswitch.driver.regmap.Field;
import flowswitch.driver.regmap.Register;
import flowswitch.driver.regmap.RegisterMap;
import flowswitch.driver.transport.DeviceException;
import flowswitch.driver.transport.RegisterBus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.Set;
import java.util.TreeSet;

/**
 * The typed API of one flowswitch device. Every address and bit position comes from the {@link RegisterMap};
 * every setter checks its arguments against the device before the first write, so bad input changes nothing.
 * Methods are synchronized because the tables are written through shared index and staging registers. The bus
 * stays the caller's to close.
 */
public final class FlowSwitchDevice {
    private final RegisterBus bus;
    private final RegisterMap map;
    private final HardwareParams hardware;
    private final Register id;
    private final Register version;
    private final Field versionMajor;
    private final Field versionMinor;
    private final Field versionPatch;
    private final Register build;
    private final MacRegisterPair switchMac;
    private final Register uplinkMask;
    private final Field uplinkMaskValue;
    private final Register statsClear;
    private final Field statsClearBit;
    private final Register flowOccupancy;
    private final Register macOccupancy;
    private final ServiceTable services;
    private final ServerTable servers;
    private final RouterTable routers;
    private final CounterReader counterReader;
    private final Optional<FlowTable> flowTable;
    private final MaglevTables maglev;
    private final List<Register> connections;

    private FlowSwitchDevice(RegisterBus bus, RegisterMap map, HardwareParams hardware) {
        this.bus = bus;
        this.map = map;
        this.hardware = hardware;
        id = map.register("ID");
        version = map.register("VERSION");
        versionMajor = version.field("major");
        versionMinor = version.field("minor");
        versionPatch = version.field("patch");
        build = map.register("BUILD");
        switchMac = MacRegisterPair.resolve(map, "SWITCH_MAC");
        uplinkMask = map.register("UPLINK_MASK");
        uplinkMaskValue = uplinkMask.field("value");
        statsClear = map.register("STATS_CLEAR");
        statsClearBit = statsClear.field("clear");
        flowOccupancy = map.register("FLOW_OCCUPANCY");
        macOccupancy = map.register("MAC_OCCUPANCY");
        services = new ServiceTable(map, bus, hardware);
        servers = new ServerTable(map, bus, hardware);
        routers = new RouterTable(map, bus, hardware.maxRouters());
        counterReader = new CounterReader(bus);
        flowTable = map.has("FLOW_CMD") ? Optional.of(new FlowTable(map, bus, hardware, FlowTable.Patience.DEFAULT))
                : Optional.empty();
        maglev = new MaglevTables(map, bus, hardware);
        connections = IntStream.range(0, hardware.maxServers()).mapToObj(k -> map.register("SERVER" + k + "_CONNECTIONS"))
                .toList();
    }

    /**
     * Identifies the device on {@code bus} as the one {@code map} describes and reads its build parameters.
     *
     * @throws flowswitch.driver.regmap.RegisterMapException when the map lacks a register this driver needs
     * @throws DeviceException when ID, VERSION or BUILD differ from the map's (both values in the message), or
     *         the bus fails
     */
    public static FlowSwitchDevice open(RegisterBus bus, RegisterMap map) {
        checkIdentity(bus, map, "ID", map.id());
        checkIdentity(bus, map, "VERSION", map.version());
        checkIdentity(bus, map, "BUILD", map.build());
        return new FlowSwitchDevice(bus, map, readHardware(bus, map));
    }

    public RegisterMap registerMap() {
        return map;
    }

    /** The build parameters the device reports in its HW_* registers. */
    public HardwareParams hardware() {
        return hardware;
    }

    public synchronized DeviceInfo info() {
        int versionWord = bus.read(version.address());
        Version decoded = new Version((int) versionMajor.get(versionWord), (int) versionMinor.get(versionWord),
                (int) versionPatch.get(versionWord));
        return new DeviceInfo(bus.device(), bus.read(id.address()), decoded, bus.read(build.address()), hardware,
                switchMac.read(bus), (int) uplinkMaskValue.get(bus.read(uplinkMask.address())));
    }

    /** Names the device in messages, as fsctl's --device does. */
    public String name() {
        return bus.device();
    }

    /** Checks that {@code entry} fits server slot {@code slot} of this device, without writing it. */
    public void checkServer(int slot, ServerEntry entry) {
        servers.check(slot, entry);
    }

    /** Checks that {@code entry} fits service slot {@code slot} of this device, without writing it. */
    public void checkService(int slot, ServiceEntry entry) {
        services.check(slot, entry);
    }

    /** Every server slot, in slot order; empty slots are {@link ServerEntry#EMPTY}. */
    public synchronized List<ServerEntry> servers() {
        return servers.readAll();
    }

    /** Writes one server slot; {@link ServerEntry#EMPTY} empties it. */
    public synchronized void writeServer(int slot, ServerEntry entry) {
        servers.write(slot, entry);
    }

    /** Active connections per server slot (docs/datapath.md "Active connections"), in slot order. */
    public synchronized List<Long> connections() {
        return connections.stream().map(r -> r.field("value").get(bus.read(r.address()))).toList();
    }

    /**
     * Loads and commits the Maglev table of service slot {@code service} from {@code servers} (every server slot, as
     * the device holds them now) when the service schedules by {@code mh}; other services need none.
     */
    public synchronized void loadMaglev(int service, ServiceEntry entry, List<ServerEntry> servers, SlotNames names) {
        if (entry.enabled() && entry.scheduler() == Scheduler.MH) maglev.load(service, servers, names);
    }

    /** Changes the state of the server in {@code slot}, keeping the rest of its entry. */
    public synchronized void setServerState(int slot, ServerState state) {
        ServerEntry entry = servers.read(slot);
        if (!entry.valid()) {
            throw new IllegalArgumentException("server slot " + slot + " is empty; add a server to it first");
        }
        servers.write(slot, entry.withState(state));
    }

    /** Every router slot, in slot order; empty slots are {@link RouterEntry#EMPTY}. */
    public synchronized List<RouterEntry> routers() {
        return routers.readAll();
    }

    /** Writes one router slot; {@link RouterEntry#EMPTY} empties it. */
    public synchronized void writeRouter(int slot, RouterEntry entry) {
        routers.write(slot, entry);
    }

    /** Marks the router in {@code slot} up or down, keeping its MAC. */
    public synchronized void setRouterState(int slot, RouterState state) {
        RouterEntry entry = routers.read(slot);
        if (!entry.valid()) {
            throw new IllegalArgumentException("router slot " + slot + " is empty; add a router to it first");
        }
        routers.write(slot, entry.withState(state));
    }

    /**
     * The server slots passive health flagged suspect in its last complete window (docs/datapath.md "Passive
     * health"); none when the register map has no PASSIVE_SUSPECT registers.
     */
    public synchronized Set<Integer> suspectServers() {
        Set<Integer> slots = new TreeSet<>();
        int words = (hardware.maxServers() + 31) / 32;
        for (int word = 0; word < words; word++) {
            String name = "PASSIVE_SUSPECT" + (words > 1 ? "_" + word : "");
            if (!map.has(name)) {
                return Set.of();
            }
            int flags = bus.read(map.register(name).address());
            for (int bit = 0; bit < 32; bit++) {
                if ((flags >>> bit & 1) != 0) {
                    slots.add(word * 32 + bit);
                }
            }
        }
        return slots;
    }

    /**
     * Starts passive health's windows: {@code windowClocks} clocks each (0 stops them), a server flagged when more
     * than {@code unanswered} of the SYNs sent to it in a window got no SYN-ACK.
     */
    public synchronized void setPassiveHealth(long windowClocks, int unanswered) {
        Register window = map.register("PASSIVE_WINDOW");
        Register threshold = map.register("PASSIVE_THRESHOLD");
        Limits.fits("passive health window (clocks)", windowClocks, window.field("value"));
        Limits.fits("unanswered SYNs", unanswered, threshold.field("value"));
        bus.write(window.address(), window.field("value").set(0, windowClocks));
        bus.write(threshold.address(), threshold.field("value").set(0, unanswered));
    }

    /** Every service slot, in slot order; unused slots are {@link ServiceEntry#DISABLED}. */
    public synchronized List<ServiceEntry> services() {
        return services.readAll();
    }

    /** Writes one service slot; {@link ServiceEntry#DISABLED} disables it. */
    public synchronized void writeService(int slot, ServiceEntry entry) {
        services.write(slot, entry);
    }

    public synchronized void setSwitchMac(MacAddress mac) {
        Limits.unicast("switch MAC", mac);
        switchMac.write(bus, mac);
    }

    /** @param mask bit i set when port i is an uplink port (routers side) */
    public synchronized void setUplinkMask(int mask) {
        checkUplinkMask(mask);
        bus.write(uplinkMask.address(), uplinkMaskValue.set(0, mask));
    }

    /** {@link FlowTable#flush()}: empties the flow table and waits until it is empty. */
    public void flushFlows() {
        flowTable().flush();
    }

    public synchronized void clearCounters() {
        bus.write(statsClear.address(), statsClearBit.set(0, 1));
    }

    /** Every counter of the map, each read tear-free, and the table occupancies. */
    public synchronized Counters counters() {
        List<CounterValue> values = new ArrayList<>();
        for (Counter counter : map.counters()) {
            values.add(new CounterValue(counter.group(), counter.index(), counter.name(), counterReader.read(counter)));
        }
        return new Counters(values, bus.read(flowOccupancy.address()), bus.read(macOccupancy.address()));
    }

    /** Everything the host loads into the device, read back from it. */
    public synchronized DeviceState state() {
        return new DeviceState(switchMac.read(bus), (int) uplinkMaskValue.get(bus.read(uplinkMask.address())),
                services.readAll(), servers.readAll(), routers.readAll());
    }

    /**
     * The flow table: its entries, flush, occupancy and aging settings.
     *
     * @throws UnsupportedByDeviceException when the register map has no flow table commands (FLOW_CMD)
     */
    public FlowTable flowTable() {
        return flowTable.orElseThrow(() -> new UnsupportedByDeviceException("the register map " + map.source()
                + " has no flow table commands (FLOW_CMD): it predates the block-RAM flow table, so flows cannot be"
                + " listed, changed, flushed or aged through it, nor can a config's flow timeouts be applied or"
                + " saved; regenerate the map and the bitstream with `flowswitch gen`"));
    }

    /**
     * What {@link #apply(SwitchConfig, SlotNames)} would change, without writing anything but the table index
     * registers that reading the tables selects with.
     *
     * @param names the current names of the slots, which is how services and servers are found again
     * @throws IllegalArgumentException naming the part of the config that does not fit the device
     */
    public synchronized ConfigPlan plan(SwitchConfig config, SlotNames names) {
        checkFits(config);
        return ConfigPlanner.plan(state(), flowTable().aging(), names, config, hardware);
    }

    /**
     * Makes the device match a whole runtime config (switch MAC, uplink mask, flow aging, services, servers) by
     * writing only what differs; slots the config does not use end up disabled or empty. Nothing is written unless
     * the whole config fits the device. A service whose definition changes is disabled while its servers change, so
     * no frame meets a half-updated pool (frames for it are dropped meanwhile instead of going to a wrong server).
     *
     * @param names the current names of the slots; the plan returned holds the names after
     * @throws IllegalArgumentException naming the part of the config that does not fit the device
     */
    public synchronized ConfigPlan apply(SwitchConfig config, SlotNames names) {
        ConfigPlan plan = plan(config, names);
        DeviceState before = plan.before();
        DeviceState after = plan.after();
        for (int slot = 0; slot < after.services().size(); slot++) {
            ServiceEntry was = before.services().get(slot);
            if (was.enabled() && !was.equals(after.services().get(slot))) {
                services.write(slot, ServiceEntry.DISABLED);
            }
        }
        for (int slot = 0; slot < after.servers().size(); slot++) {
            if (!before.servers().get(slot).equals(after.servers().get(slot))) {
                servers.write(slot, after.servers().get(slot));
            }
        }
        for (int slot = 0; slot < after.routers().size(); slot++) {
            if (!before.routers().get(slot).equals(after.routers().get(slot))) {
                routers.write(slot, after.routers().get(slot));
            }
        }
        if (!before.switchMac().equals(after.switchMac())) {
            switchMac.write(bus, after.switchMac());
        }
        if (before.uplinkMask() != after.uplinkMask()) {
            bus.write(uplinkMask.address(), uplinkMaskValue.set(0, after.uplinkMask()));
        }
        plan.agingChange().ifPresent(change -> flowTable().setAging(change.after()));
        for (int slot = 0; slot < after.services().size(); slot++) {
            ServiceEntry next = after.services().get(slot);
            // Before the service is enabled, so its first frames already meet its table.
            if (!plan.isEmpty()) loadMaglev(slot, next, after.servers(), plan.names());
            if (next.enabled() && !next.equals(before.services().get(slot))) {
                services.write(slot, next);
            }
        }
        return plan;
    }

    /** {@link #apply(SwitchConfig, SlotNames)} for a device whose slots have no names yet, such as a fresh one. */
    public ConfigPlan apply(SwitchConfig config) {
        return apply(config, SlotNames.NONE);
    }

    /**
     * Checks the whole config against the device before anything is read or written. Slots are assigned only
     * later, from what the device holds, and any slot that can be assigned exists and fits its index register; so
     * each entry is checked at slot 0, a server with its service's place in the file (below max_services once the
     * counts fit, as the slot it will get).
     */
    private void checkFits(SwitchConfig config) {
        if (config.services().size() > services.slots()) {
            throw new IllegalArgumentException("the config has " + config.services().size() + " services but the"
                    + " device has " + services.slots() + " service slots (max_services)");
        }
        List<ServerSlot> slots = config.serverSlots();
        if (slots.size() > servers.slots()) {
            throw new IllegalArgumentException("the config has " + slots.size() + " servers but the device has "
                    + servers.slots() + " server slots (max_servers)");
        }
        for (int i = 0; i < config.services().size(); i++) {
            ServiceConfig service = config.services().get(i);
            check("services[" + i + "] '" + service.name() + "'", () -> services.check(0, ServiceEntry.of(service)));
        }
        for (ServerSlot slot : slots) {
            check("server '" + slot.server().name() + "' of services[" + slot.serviceIndex() + "]",
                    () -> servers.check(0, ServerEntry.of(slot.serviceIndex(), slot.server())));
        }
        if (config.routers().size() > routers.slots()) {
            throw new IllegalArgumentException("the config has " + config.routers().size() + " routers but the device"
                    + " has " + routers.slots() + " router slots (max_routers)");
        }
        for (int i = 0; i < config.routers().size(); i++) {
            RouterConfig router = config.routers().get(i);
            check("routers[" + i + "] '" + router.name() + "'", () -> routers.check(0, RouterEntry.of(router)));
        }
        Limits.unicast("switch MAC", config.switchMac());
        checkUplinkMask(config.uplinkMask());
        check("clock_hz and flow_timeouts", () -> flowTable().checkAging(FlowAging.of(config)));
    }

    private static void check(String what, Runnable check) {
        try {
            check.run();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
    }

    private void checkUplinkMask(int mask) {
        long ports = 1L << hardware.ports();
        if (mask < 0 || mask >= ports) {
            throw new IllegalArgumentException("uplink mask 0x" + Integer.toHexString(mask) + " names ports the"
                    + " device does not have; it has ports 0.." + (hardware.ports() - 1));
        }
        Limits.fits("uplink mask", mask, uplinkMaskValue);
    }

    private static void checkIdentity(RegisterBus bus, RegisterMap map, String registerName, int expected) {
        int actual = bus.read(map.register(registerName).address());
        if (actual != expected) {
            throw new DeviceException(bus.device(), "identify", registerName + " reads 0x" + Integer.toHexString(actual)
                    + " but register map " + map.source() + " expects 0x" + Integer.toHexString(expected)
                    + ": the device runs another build; use the regmap.json generated with its bitstream");
        }
    }

    private static HardwareParams readHardware(RegisterBus bus, RegisterMap map) {
        try {
            return new HardwareParams(readValue(bus, map, "HW_DATA_WIDTH"), readValue(bus, map, "HW_PORTS"),
                    readValue(bus, map, "HW_MAX_SERVERS"), readValue(bus, map, "HW_MAX_SERVICES"),
                    readValue(bus, map, "HW_FLOW_TABLE_SIZE"), readValue(bus, map, "HW_MAC_TABLE_SIZE"),
                    readValue(bus, map, "HW_MAX_FRAME_BYTES"), readValue(bus, map, "HW_MAGLEV_TABLE_SIZE"),
                    readValue(bus, map, "HW_MAX_ROUTERS"));
        } catch (IllegalArgumentException e) {
            throw new DeviceException(bus.device(), "read HW_* registers", "the device reports impossible build"
                    + " parameters: " + e.getMessage(), e);
        }
    }

    private static int readValue(RegisterBus bus, RegisterMap map, String registerName) {
        Register register = map.register(registerName);
        return (int) register.field("value").get(bus.read(register.address()));
    }
}
