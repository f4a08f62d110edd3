package flowswitch.driver.api;

import flowswitch.driver.names.SlotNames;
import java.util.List;
import java.util.Optional;

/**
 * What applying a config to a device changes: the device state before and after, the slot names after, and the
 * changes between them in slot order (the flow aging registers, outside the slots, only as a change). Applying a
 * plan writes exactly the slots and settings that differ.
 *
 * @param notes things the operator should know that are not changes, such as a hardware section that differs
 *              from the device's build
 */
public record ConfigPlan(DeviceState before, DeviceState after, SlotNames names, List<ConfigChange> changes,
                         List<String> notes) {
    public ConfigPlan {
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
    }

    /** The change of the flow aging registers, if the plan has one. */
    public Optional<ConfigChange.Aging> agingChange() {
        return changes.stream().filter(ConfigChange.Aging.class::isInstance).map(ConfigChange.Aging.class::cast)
                .findFirst();
    }

    /** True when the device already matches: applying writes nothing, not even the names file. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
