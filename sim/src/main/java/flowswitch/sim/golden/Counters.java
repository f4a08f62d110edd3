package flowswitch.sim.golden;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A snapshot of every counter of a switch, keyed the way regmap.json names them, plus the live table occupancies.
 * Built by the golden model, or by a test from the counters read out of the hardware, so the two compare with
 * {@link #equals} and {@link #differences}.
 */
public record Counters(Map<CounterId, Long> values, int flowOccupancy, int macOccupancy) {
    public Counters {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** @throws IllegalArgumentException for a counter this snapshot does not have */
    public long get(CounterId id) {
        Long value = values.get(id);
        if (value == null) {
            throw new IllegalArgumentException("no counter " + id + " in this snapshot; check the port or slot index"
                    + " against the hardware parameters");
        }
        return value;
    }

    public long port(int port, PortCounter counter) {
        return get(new CounterId(counter, port));
    }

    public long drop(DropReason reason) {
        return get(CounterId.global(reason));
    }

    public long flow(FlowCounter counter) {
        return get(CounterId.global(counter));
    }

    public long service(int slot, ServiceCounter counter) {
        return get(new CounterId(counter, slot));
    }

    public long server(int slot, ServerCounter counter) {
        return get(new CounterId(counter, slot));
    }

    public long router(int slot, RouterCounter counter) {
        return get(new CounterId(counter, slot));
    }

    /** One line per counter whose value differs (or that only one side has), e.g. for an assertion message. */
    public List<String> differences(Counters other) {
        List<String> lines = new ArrayList<>();
        Set<CounterId> ids = new LinkedHashSet<>(values.keySet());
        ids.addAll(other.values.keySet());
        for (CounterId id : ids) {
            if (!id.kind().modeled()) {
                continue;
            }
            Long mine = values.get(id);
            Long theirs = other.values.get(id);
            if (mine == null || !mine.equals(theirs)) {
                lines.add(id + ": " + text(mine) + " vs " + text(theirs));
            }
        }
        if (flowOccupancy != other.flowOccupancy) {
            lines.add("FLOW_OCCUPANCY: " + flowOccupancy + " vs " + other.flowOccupancy);
        }
        if (macOccupancy != other.macOccupancy) {
            lines.add("MAC_OCCUPANCY: " + macOccupancy + " vs " + other.macOccupancy);
        }
        return lines;
    }

    private static String text(Long value) {
        return value == null ? "absent" : value.toString();
    }
}
