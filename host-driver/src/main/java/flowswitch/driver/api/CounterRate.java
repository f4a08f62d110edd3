package flowswitch.driver.api;

import flowswitch.driver.regmap.Group;

/** How fast one counter grew, per second; {@code index} is the port or slot, -1 for global counters. */
public record CounterRate(Group group, int index, String name, double perSecond) {
}
