package flowswitch.driver.api;

import flowswitch.config.SwitchConfig;
import java.util.List;

/**
 * The device's configuration as a config file would hold it, and what the device holds that a config cannot
 * (and the file therefore leaves out).
 */
public record SavedConfig(SwitchConfig config, List<String> leftOut) {
    public SavedConfig {
        leftOut = List.copyOf(leftOut);
    }
}
