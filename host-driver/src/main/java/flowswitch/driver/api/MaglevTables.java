package flowswitch.driver.api;

import flowswitch.config.HardwareParams;
import flowswitch.driver.maglev.MaglevTable;
import flowswitch.driver.names.SlotNames;
import flowswitch.driver.regmap.Field;
import flowswitch.driver.regmap.Register;
import flowswitch.driver.regmap.RegisterMap;
import flowswitch.driver.transport.RegisterBus;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The services' Maglev tables in the hardware (docs/register-map.md "Maglev tables"): computed from the servers of a
 * service by {@link MaglevTable}, written row by row into the staged copy through MH_LOAD and MH_DATA (several entries
 * per write, so a serial line loads a table in about 200 writes), then switched in whole by MH_COMMIT.
 */
final class MaglevTables {
    private final RegisterBus bus;
    private final HardwareParams hardware;
    private final Register load;
    private final Field loadRow;
    private final Field loadService;
    private final Register data;
    private final Register commit;
    private final Field commitBit;
    private final int perRow;
    private final int entryBits;

    MaglevTables(RegisterMap map, RegisterBus bus, HardwareParams hardware) {
        this.bus = bus;
        this.hardware = hardware;
        load = map.register("MH_LOAD");
        loadRow = load.field("row");
        loadService = load.field("service");
        data = map.register("MH_DATA");
        commit = map.register("MH_COMMIT");
        commitBit = commit.field("commit");
        Register entries = map.register("MH_ENTRIES_PER_ROW");
        perRow = (int) entries.field("value").reset();
        entryBits = Integer.numberOfTrailingZeros(hardware.maxServers());
    }

    /**
     * The table of {@code service}'s servers, by their names and weights; servers that are down or draining keep their
     * entries (the hardware passes their connections on to the next eligible slot), so a state change moves nothing.
     */
    static Optional<int[]> entries(int service, List<ServerEntry> servers, SlotNames names, int size) {
        SortedMap<Integer, MaglevTable.Backend> bySlot = new TreeMap<>();
        for (int k = 0; k < servers.size(); k++) {
            ServerEntry e = servers.get(k);
            if (e.valid() && e.service() == service) bySlot.put(k, new MaglevTable.Backend(names.serverName(k), e.weight()));
        }
        return MaglevTable.slotEntries(bySlot, size);
    }

    /** Loads and commits {@code service}'s table; a service with no weighted server keeps the table it had. */
    void load(int service, List<ServerEntry> servers, SlotNames names) {
        Optional<int[]> table = entries(service, servers, names, hardware.maglevTableSize());
        if (table.isEmpty()) return;
        int[] entries = table.get();
        bus.write(load.address(), loadService.set(loadRow.set(0, 0), service));
        for (int row = 0; row * perRow < entries.length; row++) {
            int word = 0;
            for (int k = 0; k < perRow && row * perRow + k < entries.length; k++) {
                word |= entries[row * perRow + k] << (k * entryBits);
            }
            bus.write(data.address(), word);
        }
        bus.write(commit.address(), commitBit.set(0, 1));
    }
}
