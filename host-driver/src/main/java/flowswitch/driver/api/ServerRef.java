package flowswitch.driver.api;

import java.util.Objects;
import java.util.Optional;

/**
 * Names a server: by its name, or {@code slot<N>}, within a service when given. Server names are unique within a
 * service only, so a name used in two services needs the service too.
 */
public record ServerRef(Optional<String> service, String name) {
    public ServerRef {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(name, "name");
    }

    public static ServerRef named(String name) {
        return new ServerRef(Optional.empty(), name);
    }

    public static ServerRef in(String service, String name) {
        return new ServerRef(Optional.of(service), name);
    }

    @Override
    public String toString() {
        return service.map(s -> s + "/").orElse("") + name;
    }
}
