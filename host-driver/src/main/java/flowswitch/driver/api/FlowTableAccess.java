package flowswitch.driver.api;

import flowswitch.driver.regmap.Access;
import flowswitch.driver.regmap.Group;
import flowswitch.driver.regmap.Register;
import flowswitch.driver.regmap.RegisterMap;
import java.util.List;

/**
 * What a register map offers of the flow table's entries. Reading or deleting one entry takes registers the host
 * writes to pick it (an index or a key), which the map would declare as read/write registers of the flow group;
 * a map without them only lets the table be counted (FLOW_OCCUPANCY) and flushed (FLOW_FLUSH).
 *
 * @param source         the register map, for messages
 * @param entryRegisters the read/write registers of the flow group
 */
public record FlowTableAccess(String source, List<String> entryRegisters) {
    public FlowTableAccess {
        entryRegisters = List.copyOf(entryRegisters);
    }

    static FlowTableAccess of(RegisterMap map) {
        return new FlowTableAccess(map.source(), map.registers().stream()
                .filter(r -> r.group() == Group.FLOW && r.access() == Access.RW)
                .map(Register::name)
                .toList());
    }

    /**
     * Refuses an operation on single flow entries, saying what the map lacks. This driver reads no entry layout
     * yet, so a map that has entry registers is refused too, naming them.
     *
     * @throws UnsupportedByDeviceException always, with the reason taken from the map
     */
    public void requireEntries(String operation) {
        if (entryRegisters.isEmpty()) {
            throw new UnsupportedByDeviceException(operation + " is not supported by this device's register map (no"
                    + " FLOW_* table access registers in " + source + "); the flow table can only be counted (flows"
                    + " count) and flushed (flows flush)");
        }
        throw new UnsupportedByDeviceException(operation + ": the register map " + source + " has flow table"
                + " access registers (" + String.join(", ", entryRegisters) + ") but this driver does not know their"
                + " layout; use the fsctl built with that register map");
    }
}
