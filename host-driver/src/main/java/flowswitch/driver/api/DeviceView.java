package flowswitch.driver.api;

import flowswitch.driver.names.SlotNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/** One consistent reading of the device and the names, taken under the device's lock. */
record DeviceView(SlotNames names, DeviceState state) {

    List<NamedService> services() {
        List<NamedService> services = new ArrayList<>();
        for (int slot = 0; slot < state.services().size(); slot++) {
            ServiceEntry entry = state.services().get(slot);
            if (entry.enabled()) {
                services.add(new NamedService(slot, names.serviceName(slot), entry, serverSlotsOf(slot).size()));
            }
        }
        return services;
    }

    List<NamedServer> servers() {
        List<NamedServer> servers = new ArrayList<>();
        for (int slot = 0; slot < state.servers().size(); slot++) {
            if (state.servers().get(slot).valid()) {
                servers.add(named(slot, state.servers().get(slot)));
            }
        }
        return servers;
    }

    NamedServer named(int slot, ServerEntry entry) {
        return new NamedServer(slot, names.serverName(slot), names.serviceName(entry.service()), entry);
    }

    List<Integer> serverSlotsOf(int serviceSlot) {
        return IntStream.range(0, state.servers().size())
                .filter(k -> state.servers().get(k).valid() && state.servers().get(k).service() == serviceSlot)
                .boxed().toList();
    }

    OptionalInt findService(String name) {
        List<Integer> enabled = IntStream.range(0, state.services().size())
                .filter(s -> state.services().get(s).enabled()).boxed().toList();
        Optional<Integer> named = enabled.stream().filter(s -> names.serviceName(s).equals(name)).findFirst();
        if (named.isPresent()) {
            return OptionalInt.of(named.get());
        }
        OptionalInt number = SlotNames.slotNumber(name);
        return number.isPresent() && enabled.contains(number.getAsInt()) ? number : OptionalInt.empty();
    }

    int service(String name) {
        return findService(name).orElseThrow(() -> new IllegalArgumentException("no service '" + name
                + "' on the device; `fsctl service list` shows the services"));
    }

    /** The valid server slots called {@code name}, or the one it numbers as slot<N> when none is. */
    List<Integer> findServers(String name) {
        List<Integer> valid = IntStream.range(0, state.servers().size())
                .filter(k -> state.servers().get(k).valid()).boxed().toList();
        List<Integer> named = valid.stream().filter(k -> names.serverName(k).equals(name)).toList();
        if (!named.isEmpty()) {
            return named;
        }
        OptionalInt number = SlotNames.slotNumber(name);
        return number.isPresent() && valid.contains(number.getAsInt()) ? List.of(number.getAsInt()) : List.of();
    }

    int server(ServerRef ref) {
        List<Integer> found = findServers(ref.name());
        if (ref.service().isPresent()) {
            int serviceSlot = service(ref.service().get());
            found = found.stream().filter(k -> state.servers().get(k).service() == serviceSlot).toList();
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no server '" + ref + "' on the device; `fsctl server list`"
                    + " shows the servers");
        }
        if (found.size() > 1) {
            throw new IllegalArgumentException("server '" + ref.name() + "' exists in services "
                    + found.stream().map(k -> names.serviceName(state.servers().get(k).service())).toList()
                    + "; name the service too");
        }
        return found.get(0);
    }

    void checkServerPort(String server, int port) {
        if (state.isUplink(port)) {
            throw new IllegalArgumentException("server '" + server + "': port " + port + " is an uplink port"
                    + " (routers side, uplink ports " + state.uplinkPorts() + "); a server must hang on a server"
                    + " port");
        }
    }

    /** No two enabled services may listen on the same VIP, protocol and port. */
    void checkAddressFree(ServiceEntry entry, int exceptSlot) {
        for (int slot = 0; slot < state.services().size(); slot++) {
            ServiceEntry other = state.services().get(slot);
            if (slot != exceptSlot && other.enabled() && other.sameAddress(entry)) {
                throw new IllegalArgumentException("service '" + names.serviceName(slot) + "' in slot " + slot
                        + " already listens on " + entry.address() + "; each VIP, protocol and port belongs to one"
                        + " service");
            }
        }
    }

    /** The lowest disabled slot where {@code entry} does not hide and is not hidden by another service. */
    int serviceSlotFor(String name, ServiceEntry entry) {
        Optional<String> firstProblem = Optional.empty();
        for (int slot = 0; slot < state.services().size(); slot++) {
            if (state.services().get(slot).enabled()) {
                continue;
            }
            Optional<String> problem = conflict(slot, entry);
            if (problem.isEmpty()) {
                return slot;
            }
            firstProblem = firstProblem.or(() -> problem);
        }
        throw new IllegalArgumentException(firstProblem
                .map(p -> "service '" + name + "' fits no free slot: " + p)
                .orElse("all " + state.services().size() + " service slots are in use; delete a service first"));
    }

    /** Why {@code entry} cannot sit in {@code slot}: the lowest matching slot wins, so order decides. */
    Optional<String> conflict(int slot, ServiceEntry entry) {
        for (int other = 0; other < state.services().size(); other++) {
            ServiceEntry there = state.services().get(other);
            if (other == slot || !there.enabled()) {
                continue;
            }
            String otherName = "service '" + names.serviceName(other) + "' (" + there.summary() + ") in slot "
                    + other;
            if (other < slot && there.hides(entry)) {
                return Optional.of("in slot " + slot + " it would never match, as " + otherName
                        + " takes its frames first");
            }
            if (slot < other && entry.hides(there)) {
                return Optional.of("in slot " + slot + " it would take every frame of " + otherName);
            }
        }
        return Optional.empty();
    }
}
