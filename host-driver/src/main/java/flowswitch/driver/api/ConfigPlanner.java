package flowswitch.driver.api;

import flowswitch.config.HardwareParams;
import flowswitch.config.ServerSlot;
import flowswitch.config.ServiceConfig;
import flowswitch.config.SwitchConfig;
import flowswitch.driver.names.SlotNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/**
 * Works out which slot each service and server of a config goes to, and what that changes on the device.
 *
 * <p>A config has no slot numbers, so a service keeps the slot that already holds it (found by name, else by VIP,
 * protocol and port) and a server keeps its slot within its service (found by name, else by MAC). Only new ones
 * take free slots. That way applying the same file twice, or a file {@code save} wrote, changes nothing, and an
 * edit touches only what it edits. Services that could match the same frame keep the file's order, since the
 * lowest slot wins; when kept slots would break that order, the services are laid out in file order instead.
 */
final class ConfigPlanner {
    private final DeviceState current;
    private final FlowAging currentAging;
    private final SlotNames names;
    private final SwitchConfig config;
    private final List<ServerSlot> wantedServers;

    private ConfigPlanner(DeviceState current, FlowAging currentAging, SlotNames names, SwitchConfig config) {
        this.current = current;
        this.currentAging = currentAging;
        this.names = names;
        this.config = config;
        this.wantedServers = config.serverSlots();
    }

    /** The config must fit the device: no more services or servers than it has slots. */
    static ConfigPlan plan(DeviceState current, FlowAging currentAging, SlotNames names, SwitchConfig config,
                           HardwareParams hardware) {
        return new ConfigPlanner(current, currentAging, names, config).plan(hardware);
    }

    private ConfigPlan plan(HardwareParams hardware) {
        Assignment services = assignServices();
        Assignment servers = assignServers(services);

        List<ServiceEntry> serviceEntries = new ArrayList<>(Collections.nCopies(current.services().size(),
                ServiceEntry.DISABLED));
        Map<Integer, String> serviceNames = new TreeMap<>();
        for (int i = 0; i < config.services().size(); i++) {
            ServiceConfig service = config.services().get(i);
            int slot = services.slotOf[i];
            serviceEntries.set(slot, ServiceEntry.of(service));
            serviceNames.put(slot, service.name());
        }
        List<ServerEntry> serverEntries = new ArrayList<>(Collections.nCopies(current.servers().size(),
                ServerEntry.EMPTY));
        Map<Integer, String> serverNames = new TreeMap<>();
        for (int i = 0; i < wantedServers.size(); i++) {
            ServerSlot wanted = wantedServers.get(i);
            int slot = servers.slotOf[i];
            serverEntries.set(slot, ServerEntry.of(services.slotOf[wanted.serviceIndex()], wanted.server()));
            serverNames.put(slot, wanted.server().name());
        }
        List<RouterEntry> routerEntries = new ArrayList<>(Collections.nCopies(current.routers().size(),
                RouterEntry.EMPTY));
        for (int slot = 0; slot < config.routers().size(); slot++) {
            routerEntries.set(slot, RouterEntry.of(config.routers().get(slot)));
        }
        DeviceState after = new DeviceState(config.switchMac(), config.uplinkMask(), serviceEntries, serverEntries,
                routerEntries);
        SlotNames namesAfter = new SlotNames(serviceNames, serverNames, SlotNames.routersOf(config));

        List<ConfigChange> changes = new ArrayList<>();
        if (!current.switchMac().equals(after.switchMac())) {
            changes.add(new ConfigChange.SwitchMac(current.switchMac(), after.switchMac()));
        }
        if (current.uplinkMask() != after.uplinkMask()) {
            changes.add(new ConfigChange.UplinkPorts(current.uplinkPorts(), after.uplinkPorts()));
        }
        FlowAging aging = FlowAging.of(config);
        if (!currentAging.equals(aging)) {
            changes.add(new ConfigChange.Aging(currentAging, aging));
        }
        addServiceChanges(changes, after, namesAfter, services);
        addServerChanges(changes, after, namesAfter, servers);
        addRouterChanges(changes, after, namesAfter);

        List<String> notes = new ArrayList<>();
        if (!config.hardware().equals(hardware)) {
            notes.add("the config's hardware section (" + config.hardware().canonicalText() + ") differs from the"
                    + " device's build (" + hardware.canonicalText() + "); only the switch MAC, ports, flow aging,"
                    + " services and servers are applied");
        }
        return new ConfigPlan(current, after, namesAfter, changes, notes);
    }

    /**
     * Which slot each wanted item takes, and whether it continues the item already in that slot (so a difference
     * is a change of that item rather than a replacement).
     */
    private record Assignment(int[] slotOf, boolean[] kept) {
        static Assignment empty(int wanted) {
            int[] slotOf = new int[wanted];
            Arrays.fill(slotOf, -1);
            return new Assignment(slotOf, new boolean[wanted]);
        }

        /** Gives each wanted item without a slot the first slot not yet taken that {@code fits} it. */
        void claim(boolean[] taken, boolean keeps, BiPredicate<Integer, Integer> fits) {
            for (int i = 0; i < slotOf.length; i++) {
                for (int slot = 0; slotOf[i] < 0 && slot < taken.length; slot++) {
                    if (!taken[slot] && fits.test(i, slot)) {
                        slotOf[i] = slot;
                        kept[i] = keeps;
                        taken[slot] = true;
                    }
                }
            }
        }
    }

    private Assignment assignServices() {
        List<ServiceConfig> wanted = config.services();
        List<ServiceEntry> have = current.services();
        Assignment a = Assignment.empty(wanted.size());
        boolean[] taken = new boolean[have.size()];
        a.claim(taken, true, (i, s) -> have.get(s).enabled() && names.serviceName(s).equals(wanted.get(i).name()));
        a.claim(taken, true, (i, s) -> have.get(s).enabled()
                && have.get(s).sameAddress(ServiceEntry.of(wanted.get(i))));
        a.claim(taken, false, (i, s) -> !have.get(s).enabled());
        a.claim(taken, false, (i, s) -> true);
        return keepsFileOrder(a) ? a : inFileOrder();
    }

    /** Services that could match the same frame must sit in the file's order, since the lowest slot wins. */
    private boolean keepsFileOrder(Assignment a) {
        List<ServiceConfig> wanted = config.services();
        for (int i = 0; i < wanted.size(); i++) {
            for (int j = i + 1; j < wanted.size(); j++) {
                ServiceEntry first = ServiceEntry.of(wanted.get(i));
                ServiceEntry second = ServiceEntry.of(wanted.get(j));
                boolean overlap = first.hides(second) || second.hides(first);
                if (overlap && a.slotOf[i] > a.slotOf[j]) {
                    return false;
                }
            }
        }
        return true;
    }

    private Assignment inFileOrder() {
        List<ServiceConfig> wanted = config.services();
        List<ServiceEntry> have = current.services();
        Assignment a = Assignment.empty(wanted.size());
        for (int i = 0; i < wanted.size(); i++) {
            ServiceEntry there = have.get(i);
            a.slotOf[i] = i;
            a.kept[i] = there.enabled() && (names.serviceName(i).equals(wanted.get(i).name())
                    || there.sameAddress(ServiceEntry.of(wanted.get(i))));
        }
        return a;
    }

    /** A server is only kept within a kept service: a service that replaces another starts with new servers. */
    private Assignment assignServers(Assignment services) {
        List<ServerEntry> have = current.servers();
        Assignment a = Assignment.empty(wantedServers.size());
        boolean[] taken = new boolean[have.size()];
        BiPredicate<Integer, Integer> sameService = (i, s) -> {
            int service = wantedServers.get(i).serviceIndex();
            return services.kept[service] && have.get(s).valid() && have.get(s).service() == services.slotOf[service];
        };
        a.claim(taken, true, sameService.and((i, s) -> names.serverName(s)
                .equals(wantedServers.get(i).server().name())));
        a.claim(taken, true, sameService.and((i, s) -> have.get(s).mac().equals(wantedServers.get(i).server().mac())));
        a.claim(taken, false, (i, s) -> !have.get(s).valid());
        a.claim(taken, false, (i, s) -> true);
        return a;
    }

    private void addServiceChanges(List<ConfigChange> changes, DeviceState after, SlotNames namesAfter,
                                   Assignment assignment) {
        for (int slot = 0; slot < after.services().size(); slot++) {
            ServiceEntry before = current.services().get(slot);
            ServiceEntry now = after.services().get(slot);
            String oldName = names.serviceName(slot);
            String newName = namesAfter.serviceName(slot);
            int wanted = indexOf(assignment.slotOf, slot);
            if (wanted >= 0 && assignment.kept[wanted]) {
                if (!before.equals(now)) {
                    changes.add(new ConfigChange.Service(ChangeKind.MODIFY, slot, newName, oldName, before, now));
                } else if (!oldName.equals(newName)) {
                    changes.add(new ConfigChange.Service(ChangeKind.RENAME, slot, newName, oldName, before, now));
                }
                continue;
            }
            if (before.enabled()) {
                changes.add(new ConfigChange.Service(ChangeKind.REMOVE, slot, oldName, oldName, before,
                        ServiceEntry.DISABLED));
            }
            if (wanted >= 0) {
                changes.add(new ConfigChange.Service(ChangeKind.ADD, slot, newName, newName, ServiceEntry.DISABLED,
                        now));
            }
        }
    }

    private void addServerChanges(List<ConfigChange> changes, DeviceState after, SlotNames namesAfter,
                                  Assignment assignment) {
        for (int slot = 0; slot < after.servers().size(); slot++) {
            ServerEntry before = current.servers().get(slot);
            ServerEntry now = after.servers().get(slot);
            String oldName = names.serverName(slot);
            String newName = namesAfter.serverName(slot);
            int wanted = indexOf(assignment.slotOf, slot);
            if (wanted >= 0 && assignment.kept[wanted]) {
                String service = namesAfter.serviceName(now.service());
                if (!before.equals(now)) {
                    changes.add(new ConfigChange.Server(ChangeKind.MODIFY, slot, service, newName, oldName, before,
                            now));
                } else if (!oldName.equals(newName)) {
                    changes.add(new ConfigChange.Server(ChangeKind.RENAME, slot, service, newName, oldName, before,
                            now));
                }
                continue;
            }
            if (before.valid()) {
                changes.add(new ConfigChange.Server(ChangeKind.REMOVE, slot, names.serviceName(before.service()),
                        oldName, oldName, before, ServerEntry.EMPTY));
            }
            if (wanted >= 0) {
                changes.add(new ConfigChange.Server(ChangeKind.ADD, slot, namesAfter.serviceName(now.service()),
                        newName, newName, ServerEntry.EMPTY, now));
            }
        }
    }

    /** Routers sit in the slots of their place in the file, so a slot's change is the change of its router. */
    private void addRouterChanges(List<ConfigChange> changes, DeviceState after, SlotNames namesAfter) {
        for (int slot = 0; slot < after.routers().size(); slot++) {
            RouterEntry before = current.routers().get(slot);
            RouterEntry now = after.routers().get(slot);
            String oldName = names.routerName(slot);
            String newName = namesAfter.routerName(slot);
            ChangeKind kind = !before.valid() ? ChangeKind.ADD : !now.valid() ? ChangeKind.REMOVE
                    : !before.equals(now) ? ChangeKind.MODIFY : ChangeKind.RENAME;
            if (before.valid() || now.valid()) {
                if (kind != ChangeKind.RENAME || !oldName.equals(newName)) {
                    changes.add(new ConfigChange.Router(kind, slot, now.valid() ? newName : oldName, oldName, before,
                            now));
                }
            }
        }
    }

    private static int indexOf(int[] slotOf, int slot) {
        for (int i = 0; i < slotOf.length; i++) {
            if (slotOf[i] == slot) {
                return i;
            }
        }
        return -1;
    }
}
