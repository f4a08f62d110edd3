package flowswitch.driver.names;

import flowswitch.config.ServerSlot;
import flowswitch.config.SwitchConfig;
import java.util.Collection;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host-side names of the device's service, server and router slots: the hardware only has slot numbers. A slot
 * without a name shows as {@code slot<N>}, and {@code slot<N>} also finds a slot by number (a real name wins, so a
 * server may itself be called "slot3").
 */
public record SlotNames(Map<Integer, String> services, Map<Integer, String> servers, Map<Integer, String> routers) {
    private static final Pattern SLOT = Pattern.compile("slot([0-9]{1,9})");

    public static final SlotNames NONE = new SlotNames(Map.of(), Map.of(), Map.of());

    public SlotNames {
        services = Map.copyOf(services);
        servers = Map.copyOf(servers);
        routers = Map.copyOf(routers);
    }

    /** Without router names. */
    public SlotNames(Map<Integer, String> services, Map<Integer, String> servers) {
        this(services, servers, Map.of());
    }

    /** The names of the slots {@link flowswitch.driver.api.FlowSwitchDevice#apply} fills from {@code config}. */
    public static SlotNames of(SwitchConfig config) {
        Map<Integer, String> services = new TreeMap<>();
        for (int slot = 0; slot < config.services().size(); slot++) {
            services.put(slot, config.services().get(slot).name());
        }
        Map<Integer, String> servers = new TreeMap<>();
        for (ServerSlot slot : config.serverSlots()) {
            servers.put(slot.index(), slot.server().name());
        }
        return new SlotNames(services, servers, routersOf(config));
    }

    /** Routers take the slots of their place in the config's list. */
    public static Map<Integer, String> routersOf(SwitchConfig config) {
        Map<Integer, String> routers = new TreeMap<>();
        for (int slot = 0; slot < config.routers().size(); slot++) {
            routers.put(slot, config.routers().get(slot).name());
        }
        return routers;
    }

    public String routerName(int slot) {
        return routers.getOrDefault(slot, "slot" + slot);
    }

    public SlotNames withRouter(int slot, String name) {
        Map<Integer, String> updated = new TreeMap<>(routers);
        updated.put(slot, name);
        return new SlotNames(services, servers, updated);
    }

    public SlotNames withoutRouter(int slot) {
        Map<Integer, String> updated = new TreeMap<>(routers);
        updated.remove(slot);
        return new SlotNames(services, servers, updated);
    }

    public String serviceName(int slot) {
        return services.getOrDefault(slot, "slot" + slot);
    }

    public String serverName(int slot) {
        return servers.getOrDefault(slot, "slot" + slot);
    }

    /** The slot number that {@code name} spells as {@code slot<N>}, if it does. */
    public static OptionalInt slotNumber(String name) {
        Matcher slot = SLOT.matcher(name);
        return slot.matches() ? OptionalInt.of(Integer.parseInt(slot.group(1))) : OptionalInt.empty();
    }

    public SlotNames withService(int slot, String name) {
        Map<Integer, String> updated = new TreeMap<>(services);
        updated.put(slot, name);
        return new SlotNames(updated, servers, routers);
    }

    /** Without the service in {@code slot} and without the servers in {@code serverSlots}. */
    public SlotNames withoutService(int slot, Collection<Integer> serverSlots) {
        Map<Integer, String> remainingServices = new TreeMap<>(services);
        remainingServices.remove(slot);
        Map<Integer, String> remainingServers = new TreeMap<>(servers);
        serverSlots.forEach(remainingServers::remove);
        return new SlotNames(remainingServices, remainingServers, routers);
    }

    public SlotNames withServer(int slot, String name) {
        Map<Integer, String> updated = new TreeMap<>(servers);
        updated.put(slot, name);
        return new SlotNames(services, updated, routers);
    }

    public SlotNames withoutServer(int slot) {
        Map<Integer, String> updated = new TreeMap<>(servers);
        updated.remove(slot);
        return new SlotNames(services, updated, routers);
    }
}
