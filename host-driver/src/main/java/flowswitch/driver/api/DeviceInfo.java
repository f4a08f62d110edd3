package flowswitch.driver.api;

import flowswitch.config.HardwareParams;
import flowswitch.config.MacAddress;

/** What the device says about itself: identity, build parameters and its current switch-wide settings. */
public record DeviceInfo(String device, int id, Version version, int build, HardwareParams hardware,
                         MacAddress switchMac, int uplinkMask) {
}
