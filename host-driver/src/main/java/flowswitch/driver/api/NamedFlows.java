package flowswitch.driver.api;

import flowswitch.driver.names.NamesFile;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The flow table as an operator sees it: connections by service and server names (from the {@link NamesFile}),
 * the key's protocol and VIP port taken from the service. Each operation holds the device's lock, as
 * {@link LoadBalancer}'s do, so the names and slots it resolves stay valid while it runs.
 */
public final class NamedFlows {
    private final FlowSwitchDevice device;
    private final NamesFile namesFile;

    public NamedFlows(FlowSwitchDevice device, NamesFile namesFile) {
        this.device = device;
        this.namesFile = namesFile;
    }

    /**
     * Every connection the table holds, in location order, of {@code service} and of servers called {@code server}
     * when given.
     *
     * @throws IllegalArgumentException when there is no such service or server
     */
    public List<NamedFlow> list(Optional<String> service, Optional<String> server) {
        synchronized (device) {
            DeviceView view = view();
            Optional<Integer> serviceSlot = service.map(view::service);
            Optional<Set<Integer>> serverSlots = server.map(name -> serverSlots(view, service, name));
            return device.flowTable().dump().stream()
                    .filter(e -> serviceSlot.map(s -> e.key().service() == s).orElse(true))
                    .filter(e -> serverSlots.map(s -> s.contains(e.server())).orElse(true))
                    .map(e -> named(view, e))
                    .toList();
        }
    }

    /** The entry of the connection {@code flow}, if the table holds it. */
    public Optional<NamedFlow> find(FlowRef flow) {
        synchronized (device) {
            DeviceView view = view();
            return device.flowTable().lookup(key(view, flow)).map(e -> named(view, e));
        }
    }

    /**
     * Pins the connection {@code flow} to {@code server} of its service; see {@link FlowTable#insert}.
     *
     * @throws IllegalArgumentException when the service or the server (in that service) does not exist
     */
    public NamedFlowInsert add(FlowRef flow, String server) {
        synchronized (device) {
            DeviceView view = view();
            FlowKey key = key(view, flow);
            int slot = view.server(ServerRef.in(flow.service(), server));
            FlowInsert inserted = device.flowTable().insert(key, slot);
            return new NamedFlowInsert(named(view, inserted.entry()), inserted.replaced());
        }
    }

    /**
     * Removes the connection {@code flow}; its next frame is scheduled afresh.
     *
     * @return the entry as it was, if the table held it
     */
    public Optional<NamedFlow> delete(FlowRef flow) {
        synchronized (device) {
            DeviceView view = view();
            return device.flowTable().delete(key(view, flow)).map(e -> named(view, e));
        }
    }

    private DeviceView view() {
        return new DeviceView(namesFile.load(), device.state());
    }

    private static NamedFlow named(DeviceView view, FlowEntry entry) {
        return new NamedFlow(entry, view.names().serviceName(entry.key().service()),
                view.names().serverName(entry.server()));
    }

    private static Set<Integer> serverSlots(DeviceView view, Optional<String> service, String server) {
        if (service.isPresent()) {
            return Set.of(view.server(ServerRef.in(service.get(), server)));
        }
        List<Integer> found = view.findServers(server);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no server '" + server + "' on the device; `fsctl server list` shows"
                    + " the servers");
        }
        return Set.copyOf(found);
    }

    /**
     * The table's key for {@code flow}: the service's slot and protocol, and its port unless it listens on any.
     *
     * @throws IllegalArgumentException when there is no such service, or the VIP port is missing or one the
     *         service does not listen on
     */
    private static FlowKey key(DeviceView view, FlowRef flow) {
        int slot = view.service(flow.service());
        ServiceEntry service = view.state().services().get(slot);
        int vipPort;
        if (service.port() == 0) {
            vipPort = flow.vipPort().orElseThrow(() -> new IllegalArgumentException("service '" + flow.service()
                    + "' listens on any port, so its flows differ by VIP port too; give the port the client"
                    + " connected to"));
        } else {
            vipPort = flow.vipPort().orElse(service.port());
            if (vipPort != service.port()) {
                throw new IllegalArgumentException("service '" + flow.service() + "' listens on port "
                        + service.port() + " only, so no flow of it has VIP port " + vipPort);
            }
        }
        return new FlowKey(slot, flow.client(), flow.clientPort(), vipPort, service.protocol());
    }
}
