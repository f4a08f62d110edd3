package flowswitch.driver.names;

import flowswitch.config.ServerSlot;
import flowswitch.config.SwitchConfig;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host-side names of the device's service and server slots: the hardware only has slot numbers. A slot without
 * a name shows as {@code slot<N>}, and {@code slot<N>} also finds a slot by number.
 */
public record SlotNames(Map<Integer, String> services, Map<Integer, String> servers) {
    private static final Pattern SLOT = Pattern.compile("slot([0-9]{1,9})");

    public static final SlotNames NONE = new SlotNames(Map.of(), Map.of());

    public SlotNames {
        services = Map.copyOf(services);
        servers = Map.copyOf(servers);
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
        return new SlotNames(services, servers);
    }

    public String serviceName(int slot) {
        return services.getOrDefault(slot, "slot" + slot);
    }

    public String serverName(int slot) {
        return servers.getOrDefault(slot, "slot" + slot);
    }

    /** The service slot called {@code name}, or numbered by {@code slot<N>}. */
    public OptionalInt findService(String name) {
        return find(services, name);
    }

    /** The server slot called {@code name}, or numbered by {@code slot<N>}. */
    public OptionalInt findServer(String name) {
        return find(servers, name);
    }

    public SlotNames withServer(int slot, String name) {
        Map<Integer, String> updated = new TreeMap<>(servers);
        updated.put(slot, name);
        return new SlotNames(services, updated);
    }

    public SlotNames withoutServer(int slot) {
        Map<Integer, String> updated = new TreeMap<>(servers);
        updated.remove(slot);
        return new SlotNames(services, updated);
    }

    private static OptionalInt find(Map<Integer, String> names, String name) {
        // A real name wins over the slot<N> spelling, so a server may itself be called "slot3".
        for (Map.Entry<Integer, String> entry : names.entrySet()) {
            if (entry.getValue().equals(name)) {
                return OptionalInt.of(entry.getKey());
            }
        }
        Matcher slot = SLOT.matcher(name);
        return slot.matches() ? OptionalInt.of(Integer.parseInt(slot.group(1))) : OptionalInt.empty();
    }
}
