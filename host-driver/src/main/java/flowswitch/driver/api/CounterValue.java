package flowswitch.driver.api;

import flowswitch.driver.regmap.Group;

/** One 64-bit counter as read; {@code index} is the port or slot, -1 for global counters. */
public record CounterValue(Group group, int index, String name, long value) {
}
