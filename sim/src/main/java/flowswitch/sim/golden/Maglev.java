package flowswitch.sim.golden;

import flowswitch.hdl.dsl.Hw;
import flowswitch.hdl.flowtable.WayHash;
import java.math.BigInteger;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The services' Maglev tables of docs/datapath.md "Maglev": the committed table per service (all 0 before the first),
 * the flow's entry {@code (H × M) >> 32} from the 32-bit Maglev hash of the packed flow key, and the pick.
 */
final class Maglev {
    private final int size;
    private final int serviceBits;
    private final WayHash hash;
    private final int[][] tables;

    Maglev(int maxServices, int size) {
        this.size = size;
        this.serviceBits = Hw.log2Up(maxServices);
        this.hash = WayHash.maglev(flowswitch.hdl.flowtable.FlowKey.layout(serviceBits).width());
        this.tables = new int[maxServices][];
    }

    /** MH_DATA rows then MH_COMMIT: {@code entries} (server slots) is the service's table from now on. */
    void commit(int service, int[] entries) {
        if (entries.length != size) {
            throw new IllegalArgumentException("a Maglev table has " + size + " entries (maglev_table_size), not "
                    + entries.length);
        }
        tables[service] = entries.clone();
    }

    /** The entry's server if eligible, else the first eligible slot after it. */
    OptionalInt pick(FlowKey key, ServerTable servers) {
        return servers.firstEligible(key.service(), entry(key));
    }

    int entry(FlowKey key) {
        BigInteger packed = flowswitch.hdl.flowtable.FlowKey.layout(serviceBits).pack(Map.of(
                "service", (long) key.service(), "src_ip", Integer.toUnsignedLong(key.source().value()),
                "src_port", (long) key.sourcePort(), "dst_port", (long) key.destinationPort(),
                "proto", (long) key.protocol().number()));
        long h = Integer.toUnsignedLong(hash.row(packed));
        int index = (int) ((h * size) >>> 32);
        return tables[key.service()] == null ? 0 : tables[key.service()][index];
    }
}
