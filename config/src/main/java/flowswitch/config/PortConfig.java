package flowswitch.config;

import java.util.Objects;

/** One switch port and what is attached to it; {@link SwitchConfig} checks the index against the hardware. */
public record PortConfig(int index, PortRole role) {
    public PortConfig {
        Objects.requireNonNull(role, "role");
    }
}
