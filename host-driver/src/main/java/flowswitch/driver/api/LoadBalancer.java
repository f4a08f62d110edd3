package flowswitch.driver.api;

import flowswitch.config.PortConfig;
import flowswitch.config.PortRole;
import flowswitch.config.RouterConfig;
import flowswitch.config.RouterState;
import flowswitch.config.ServerConfig;
import flowswitch.config.ServerState;
import flowswitch.config.ServiceConfig;
import flowswitch.config.SwitchConfig;
import flowswitch.driver.names.NamesFile;
import flowswitch.driver.names.SlotNames;
import flowswitch.driver.transport.DeviceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/**
 * A device as an operator sees it: services and servers by name. The hardware only has slots; the names live in a
 * {@link NamesFile} next to the register map. Every change checks its input against the device and the entries
 * already there before the first write, and saves the names once the device took the change. Each operation
 * holds the device's lock, so the operations of one process do not interleave.
 */
public final class LoadBalancer {
    private final FlowSwitchDevice device;
    private final NamesFile namesFile;

    public LoadBalancer(FlowSwitchDevice device, NamesFile namesFile) {
        this.device = device;
        this.namesFile = namesFile;
    }

    public FlowSwitchDevice device() {
        return device;
    }

    public SlotNames names() {
        return namesFile.load();
    }

    /** The flow table by service and server names. */
    public NamedFlows flows() {
        return new NamedFlows(device, namesFile);
    }

    /** The enabled services, in slot order (the order in which they match frames). */
    public List<NamedService> services() {
        synchronized (device) {
            return view().services();
        }
    }

    /** The valid servers, in slot order. */
    public List<NamedServer> servers() {
        synchronized (device) {
            return view().servers();
        }
    }

    /**
     * Adds a service, and the servers it lists, in free slots. The service gets the lowest free slot where it
     * neither hides another service nor is hidden by one (the lowest matching slot wins), and is enabled only
     * once its servers are in place.
     *
     * @throws IllegalArgumentException when the name or the VIP, protocol and port are taken, no slot fits, or a
     *         server does not fit the device
     */
    public NamedService addService(ServiceConfig service) {
        synchronized (device) {
            DeviceView view = view();
            ServiceEntry entry = ServiceEntry.of(service);
            OptionalInt existing = view.findService(service.name());
            if (existing.isPresent()) {
                throw new IllegalArgumentException("service '" + service.name() + "' already exists in slot "
                        + existing.getAsInt() + "; change it with `service set` or delete it first");
            }
            view.checkAddressFree(entry, -1);
            int slot = view.serviceSlotFor(service.name(), entry);
            // Servers left in a disabled slot would join the new service: they go, and the new ones come in.
            List<Integer> leftovers = view.serverSlotsOf(slot);
            List<Integer> free = new ArrayList<>(leftovers);
            IntStream.range(0, view.state().servers().size()).filter(k -> !view.state().servers().get(k).valid())
                    .forEach(free::add);
            free.sort(null);
            if (service.servers().size() > free.size()) {
                throw new IllegalArgumentException("service '" + service.name() + "' lists "
                        + service.servers().size() + " servers but only " + free.size() + " server slots are free");
            }
            List<ServerEntry> servers = new ArrayList<>();
            for (ServerConfig server : service.servers()) {
                view.checkServerPort(server.name(), server.port());
                servers.add(ServerEntry.of(slot, server));
            }
            device.checkService(slot, entry);
            for (int i = 0; i < servers.size(); i++) {
                device.checkServer(free.get(i), servers.get(i));
            }

            SlotNames names = view.names().withoutService(slot, leftovers);
            for (int leftover : leftovers) {
                device.writeServer(leftover, ServerEntry.EMPTY);
            }
            for (int i = 0; i < servers.size(); i++) {
                device.writeServer(free.get(i), servers.get(i));
                names = names.withServer(free.get(i), service.servers().get(i).name());
            }
            List<ServerEntry> after = new ArrayList<>(view.state().servers());
            for (int leftover : leftovers) after.set(leftover, ServerEntry.EMPTY);
            for (int i = 0; i < servers.size(); i++) after.set(free.get(i), servers.get(i));
            device.loadMaglev(slot, entry, after, names);
            device.writeService(slot, entry);
            namesFile.save(names.withService(slot, service.name()));
            return new NamedService(slot, service.name(), entry, servers.size());
        }
    }

    /**
     * Changes a service in place, in one atomic write: its slot, servers and flows stay.
     *
     * @throws IllegalArgumentException when there is no such service, or the change clashes with another service
     */
    public NamedService updateService(String name, UnaryOperator<ServiceEntry> change) {
        synchronized (device) {
            DeviceView view = view();
            int slot = view.service(name);
            ServiceEntry entry = change.apply(view.state().services().get(slot));
            if (!entry.enabled()) {
                throw new IllegalArgumentException("a change cannot disable service '" + name + "'; delete it");
            }
            view.checkAddressFree(entry, slot);
            view.conflict(slot, entry).ifPresent(problem -> {
                throw new IllegalArgumentException("service '" + name + "' cannot change to " + entry.summary()
                        + ": " + problem);
            });
            // A service that turns to mh gets its table before the change.
            if (view.state().services().get(slot).scheduler() != entry.scheduler()) {
                device.loadMaglev(slot, entry, view.state().servers(), view.names());
            }
            device.writeService(slot, entry);
            return new NamedService(slot, view.names().serviceName(slot), entry, view.serverSlotsOf(slot).size());
        }
    }

    /**
     * Deletes a service and its servers, as {@code ipvsadm -D} does: the service is disabled first, so no frame
     * meets a pool being emptied.
     *
     * @return the service as it was, with the number of servers removed with it
     */
    public NamedService deleteService(String name) {
        synchronized (device) {
            DeviceView view = view();
            int slot = view.service(name);
            List<Integer> servers = view.serverSlotsOf(slot);
            device.writeService(slot, ServiceEntry.DISABLED);
            for (int server : servers) {
                device.writeServer(server, ServerEntry.EMPTY);
            }
            namesFile.save(view.names().withoutService(slot, servers));
            return new NamedService(slot, view.names().serviceName(slot), view.state().services().get(slot),
                    servers.size());
        }
    }

    /**
     * Adds a server to a service, in the lowest free server slot.
     *
     * @throws IllegalArgumentException when there is no such service, the service already has a server of that
     *         name, the port is an uplink port or does not exist, or every slot is taken
     */
    public NamedServer addServer(String service, ServerConfig server) {
        synchronized (device) {
            DeviceView view = view();
            int serviceSlot = view.service(service);
            if (view.findServers(server.name()).stream()
                    .anyMatch(k -> view.state().servers().get(k).service() == serviceSlot)) {
                throw new IllegalArgumentException("service '" + service + "' already has a server '" + server.name()
                        + "'; change it with `server set` or delete it first");
            }
            view.checkServerPort(server.name(), server.port());
            List<ServerEntry> servers = view.state().servers();
            int slot = IntStream.range(0, servers.size()).filter(k -> !servers.get(k).valid()).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("all " + servers.size() + " server slots are in"
                            + " use; delete a server first"));
            ServerEntry entry = ServerEntry.of(serviceSlot, server);
            device.writeServer(slot, entry);
            SlotNames names = view.names().withServer(slot, server.name());
            reloadMaglev(view, serviceSlot, slot, entry, names);
            namesFile.save(names);
            return new NamedServer(slot, server.name(), view.names().serviceName(serviceSlot), entry);
        }
    }

    /**
     * Changes a server in place, in one atomic write; it stays in its service (to move it, delete and add it).
     *
     * @throws IllegalArgumentException when there is no such server or the changed entry does not fit
     */
    public NamedServer updateServer(ServerRef server, UnaryOperator<ServerEntry> change) {
        synchronized (device) {
            DeviceView view = view();
            int slot = view.server(server);
            ServerEntry current = view.state().servers().get(slot);
            ServerEntry entry = change.apply(current);
            if (!entry.valid() || entry.service() != current.service()) {
                throw new IllegalArgumentException("a change cannot empty server '" + server + "' or move it to"
                        + " another service; delete it and add it where it belongs");
            }
            if (entry.port() != current.port()) {
                view.checkServerPort(view.names().serverName(slot), entry.port());
            }
            device.writeServer(slot, entry);
            // Only weights place a server in the table; a state change leaves it as it is.
            if (entry.weight() != current.weight()) reloadMaglev(view, current.service(), slot, entry, view.names());
            return view.named(slot, entry);
        }
    }

    public NamedServer setServerState(ServerRef server, ServerState state) {
        return updateServer(server, entry -> entry.withState(state));
    }

    /** Empties the server's slot; its flows move to the other servers of its service. */
    public NamedServer deleteServer(ServerRef server) {
        synchronized (device) {
            DeviceView view = view();
            int slot = view.server(server);
            NamedServer removed = view.named(slot, view.state().servers().get(slot));
            device.writeServer(slot, ServerEntry.EMPTY);
            SlotNames names = view.names().withoutServer(slot);
            reloadMaglev(view, removed.entry().service(), slot, ServerEntry.EMPTY, names);
            namesFile.save(names);
            return removed;
        }
    }

    /** The valid routers, in slot order. */
    public List<NamedRouter> routers() {
        synchronized (device) {
            SlotNames names = namesFile.load();
            List<RouterEntry> entries = device.routers();
            return IntStream.range(0, entries.size()).filter(r -> entries.get(r).valid())
                    .mapToObj(r -> new NamedRouter(r, names.routerName(r), entries.get(r))).toList();
        }
    }

    /**
     * Adds a router in the lowest free router slot.
     *
     * @throws IllegalArgumentException when the name or the MAC is taken or every slot is in use
     */
    public NamedRouter addRouter(RouterConfig router) {
        synchronized (device) {
            SlotNames names = namesFile.load();
            List<NamedRouter> existing = routers();
            for (NamedRouter r : existing) {
                if (r.name().equals(router.name()) || r.entry().mac().equals(router.mac())) {
                    throw new IllegalArgumentException("router " + r.name() + " (" + r.entry().mac() + ") in slot "
                            + r.slot() + " already has that " + (r.name().equals(router.name()) ? "name" : "MAC")
                            + "; delete it first or pick another");
                }
            }
            List<RouterEntry> entries = device.routers();
            int slot = IntStream.range(0, entries.size()).filter(r -> !entries.get(r).valid()).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("all " + entries.size() + " router slots are in"
                            + " use (max_routers); delete a router first"));
            RouterEntry entry = RouterEntry.of(router);
            device.writeRouter(slot, entry);
            namesFile.save(names.withRouter(slot, router.name()));
            return new NamedRouter(slot, router.name(), entry);
        }
    }

    /** Marks a router up or down: frames from the servers to a down router go to a live one. */
    public NamedRouter setRouterState(String name, RouterState state) {
        synchronized (device) {
            int slot = router(name).slot();
            device.setRouterState(slot, state);
            return new NamedRouter(slot, name, device.routers().get(slot));
        }
    }

    /** Empties the router's slot: frames to its MAC are bridged as to any other host. */
    public NamedRouter deleteRouter(String name) {
        synchronized (device) {
            NamedRouter removed = router(name);
            device.writeRouter(removed.slot(), RouterEntry.EMPTY);
            namesFile.save(namesFile.load().withoutRouter(removed.slot()));
            return removed;
        }
    }

    /** @throws IllegalArgumentException naming the routers there are */
    private NamedRouter router(String name) {
        List<NamedRouter> all = routers();
        return all.stream().filter(r -> r.name().equals(name)).findFirst()
                .or(() -> SlotNames.slotNumber(name).stream().boxed()
                        .flatMap(slot -> all.stream().filter(r -> r.slot() == slot)).findFirst())
                .orElseThrow(() -> new IllegalArgumentException("no router '" + name + "'; the routers are "
                        + (all.isEmpty() ? "none (add one with `fsctl router add`)"
                        : all.stream().map(NamedRouter::name).toList())));
    }

    /** What {@link #apply} would change; writes nothing but the index registers reading selects with. */
    public ConfigPlan plan(SwitchConfig config) {
        synchronized (device) {
            return device.plan(config, namesFile.load());
        }
    }

    /**
     * Makes the device match {@code config}, writing only what differs (see
     * {@link FlowSwitchDevice#apply(SwitchConfig, SlotNames)}), then the names; an empty plan writes nothing.
     */
    public ConfigPlan apply(SwitchConfig config) {
        synchronized (device) {
            ConfigPlan plan = device.apply(config, namesFile.load());
            if (!plan.isEmpty()) {
                namesFile.save(plan.names());
            }
            return plan;
        }
    }

    /**
     * The device's configuration as a config file: hardware from its HW_* registers, switch MAC, port roles from
     * the uplink mask, clock and flow timeouts from the aging registers, the enabled services in slot order with
     * their servers, named from the names file. Applying it to the same device changes nothing.
     *
     * @throws DeviceException when the device holds something no config file can (such as no uplink port)
     */
    public SavedConfig save() {
        synchronized (device) {
            DeviceView view = view();
            DeviceState state = view.state();
            List<PortConfig> ports = IntStream.range(0, device.hardware().ports())
                    .mapToObj(p -> new PortConfig(p, state.isUplink(p) ? PortRole.UPLINK : PortRole.SERVER))
                    .toList();
            List<ServiceConfig> services = new ArrayList<>();
            for (NamedService service : view.services()) {
                List<ServerConfig> servers = new ArrayList<>();
                for (int k : view.serverSlotsOf(service.slot())) {
                    ServerEntry e = state.servers().get(k);
                    servers.add(new ServerConfig(view.names().serverName(k), e.mac(), e.port(), e.weight(), e.state()));
                }
                ServiceEntry e = service.entry();
                services.add(new ServiceConfig(service.name(), e.vip(), e.protocol(), e.port(), e.scheduler(),
                        servers, Optional.empty(), e.onServerDown()));
            }
            List<String> leftOut = new ArrayList<>();
            for (NamedServer server : view.servers()) {
                if (!state.services().get(server.entry().service()).enabled()) {
                    leftOut.add("server " + server.name() + " in slot " + server.slot() + " belongs to service slot "
                            + server.entry().service() + ", which is disabled, so it takes no traffic");
                }
            }
            FlowAging aging = device.flowTable().aging();
            long clockHz = aging.stopped() ? SwitchConfig.DEFAULT_CLOCK_HZ : aging.clockHz();
            if (aging.stopped()) {
                leftOut.add("clock_hz: flow aging is stopped on the device (FLOW_TICK_CYCLES 0), so its clock is"
                        + " unknown; the file gives the default " + clockHz + " and flow_timeouts 0s (never)");
            }
            try {
                // Routers go back in slot order; applied, they fill the slots from 0.
                List<RouterConfig> routers = routers().stream()
                        .map(r -> new RouterConfig(r.name(), r.entry().mac(), r.entry().state())).toList();
                return new SavedConfig(new SwitchConfig(device.hardware(), state.switchMac(), ports, services,
                        clockHz, aging.timeouts(), routers), leftOut);
            } catch (IllegalArgumentException e) {
                throw new DeviceException(device.name(), "save", "the device's configuration cannot be written as"
                        + " a config file: " + e.getMessage());
            }
        }
    }

    /** Reloads the Maglev table of {@code service} (if it uses mh) after server slot {@code slot} became {@code entry}. */
    private void reloadMaglev(DeviceView view, int service, int slot, ServerEntry entry, SlotNames names) {
        List<ServerEntry> after = new ArrayList<>(view.state().servers());
        after.set(slot, entry);
        device.loadMaglev(service, view.state().services().get(service), after, names);
    }

    private DeviceView view() {
        return new DeviceView(namesFile.load(), device.state());
    }
}
