package flowswitch.sim.golden;

import flowswitch.config.HardwareParams;
import flowswitch.config.ServerState;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static flowswitch.sim.golden.TestSwitch.A;
import static flowswitch.sim.golden.TestSwitch.BROADCAST;
import static flowswitch.sim.golden.TestSwitch.C;
import static flowswitch.sim.golden.TestSwitch.D;
import static flowswitch.sim.golden.TestSwitch.R1;
import static flowswitch.sim.golden.TestSwitch.R2;
import static flowswitch.sim.golden.TestSwitch.SWITCH;
import static flowswitch.sim.golden.TestSwitch.VIP1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CountersTest {
    @Test
    void aFreshModelHasEveryHardwareCounterAtZero() {
        HardwareParams hardware = HardwareParams.defaults();
        Counters counters = TestSwitch.model().counters();
        int expected = hardware.ports() * 5 + DropReason.values().length + FlowCounter.values().length
                + hardware.maxServices() * ServiceCounter.values().length
                + hardware.maxServers() * ServerCounter.values().length
                + hardware.maxRouters() * RouterCounter.values().length;
        assertEquals(expected, counters.values().size());
        assertTrue(counters.values().values().stream().allMatch(v -> v == 0));
        assertEquals(0, counters.flowOccupancy());
        assertEquals(0, counters.macOccupancy());
    }

    @Test
    void countsEveryFrameWhereDatapathMdSays() {
        GoldenModel model = TestSwitch.model();
        model.process(0, Frames.ipv4(SWITCH, R1, Frames.TCP, "10.0.0.1", VIP1, 40000, 80, 60), false);    // web → a
        model.process(0, Frames.ipv4(SWITCH, R1, Frames.TCP, "10.0.0.1", VIP1, 40000, 80, 1000), false);  // hit
        model.process(1, Frames.ipv4(SWITCH, R2, Frames.UDP, "10.0.0.2", VIP1, 5353, 53, 80), false);     // dns → d
        model.process(2, Frames.ipv4(R1, A, Frames.TCP, VIP1, "10.0.0.1", 80, 40000, 100), false);        // → port 0
        model.process(3, Frames.ethernet(BROADCAST, D, 0x0806, 60), false);                               // flood
        model.process(0, Frames.ethernet(BROADCAST, R1, 0x0806, 2100), false);                            // oversize
        model.process(1, Frames.ethernet(BROADCAST, R2, 0x0806, 64), true);                               // rx_error
        model.process(1, new byte[10], false);                                                            // runt
        model.process(0, Frames.ipv4(SWITCH, R1, Frames.TCP, "10.0.0.1", VIP1, 40000, 81, 60), false);    // no_service
        model.process(2, Frames.ethernet(A, C, 0x88B5, 64), false);                                       // filtered
        for (int slot : new int[] {TestSwitch.SLOT_A, TestSwitch.SLOT_B, TestSwitch.SLOT_C}) {
            model.setServerState(slot, ServerState.DOWN);
        }
        model.process(0, Frames.ipv4(SWITCH, R1, Frames.TCP, "10.0.0.9", VIP1, 40001, 80, 60), false);    // no_server

        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("PORT0_RX_PACKETS", 5L);
        expected.put("PORT0_RX_BYTES", 60L + 1000 + 2100 + 60 + 60);
        expected.put("PORT0_TX_PACKETS", 2L);
        expected.put("PORT0_TX_BYTES", 100L + 60);
        expected.put("PORT0_DROPS", 3L);
        expected.put("PORT1_RX_PACKETS", 3L);
        expected.put("PORT1_RX_BYTES", 80L + 64 + 10);
        expected.put("PORT1_TX_PACKETS", 1L);
        expected.put("PORT1_TX_BYTES", 60L);
        expected.put("PORT1_DROPS", 2L);
        expected.put("PORT2_RX_PACKETS", 2L);
        expected.put("PORT2_RX_BYTES", 100L + 64);
        expected.put("PORT2_TX_PACKETS", 3L);
        expected.put("PORT2_TX_BYTES", 60L + 1000 + 60);
        expected.put("PORT2_DROPS", 1L);
        expected.put("PORT3_RX_PACKETS", 1L);
        expected.put("PORT3_RX_BYTES", 60L);
        expected.put("PORT3_TX_PACKETS", 1L);
        expected.put("PORT3_TX_BYTES", 80L);
        expected.put("DROP_OVERSIZE", 1L);
        expected.put("DROP_RX_ERROR", 1L);
        expected.put("DROP_PARSE_ERROR", 1L);
        expected.put("DROP_NO_SERVER", 1L);
        expected.put("DROP_NO_SERVICE", 1L);
        expected.put("DROP_FILTERED", 1L);
        expected.put("FLOW_HITS", 1L);
        expected.put("FLOW_MISSES", 3L);
        expected.put("FLOW_INSERTS", 2L);
        expected.put("SERVICE0_PACKETS", 2L);
        expected.put("SERVICE0_BYTES", 1060L);
        expected.put("SERVICE1_PACKETS", 1L);
        expected.put("SERVICE1_BYTES", 80L);
        expected.put("SERVER0_PACKETS", 2L);
        expected.put("SERVER0_BYTES", 1060L);
        expected.put("SERVER0_NEW_FLOWS", 1L);
        expected.put("SERVER0_SYNS", 2L);
        expected.put("SERVER3_PACKETS", 1L);
        expected.put("SERVER3_BYTES", 80L);
        expected.put("SERVER3_NEW_FLOWS", 1L);
        Counters counters = model.counters();
        assertEquals(expected, nonZero(counters));
        assertEquals(2, counters.flowOccupancy());
        assertEquals(5, counters.macOccupancy(), "R1, R2, a, d, c");

        model.clearCounters();
        Counters cleared = model.counters();
        assertEquals(Map.of(), nonZero(cleared));
        assertEquals(2, cleared.flowOccupancy());
        assertEquals(5, cleared.macOccupancy());
    }

    @Test
    void differencesNameEachCounterThatDiffers() {
        Counters zero = TestSwitch.model().counters();
        GoldenModel model = TestSwitch.model();
        model.process(0, new byte[10], false);
        assertEquals(List.of("PORT0_RX_PACKETS: 0 vs 1", "PORT0_RX_BYTES: 0 vs 10", "PORT0_DROPS: 0 vs 1",
                "DROP_PARSE_ERROR: 0 vs 1"), zero.differences(model.counters()));
        assertEquals(List.of(), model.counters().differences(model.counters()));
        assertEquals(model.counters(), model.counters());
    }

    @Test
    void counterIdsReadRegmapJsonEntries() {
        assertEquals(new CounterId(PortCounter.RX_PACKETS, 0), CounterId.fromJson("port", 0, "rx_packets"));
        assertEquals("SERVER3_NEW_FLOWS", CounterId.fromJson("server", 3, "new_flows").registerName());
        assertEquals("FLOW_HITS", CounterId.fromJson("flow", -1, "hits").registerName());
        assertEquals("DROP_PARSE_ERROR", CounterId.global(DropReason.PARSE_ERROR).registerName());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> CounterId.fromJson("flow", -1, "flow_hits"));
        assertTrue(unknown.getMessage().contains("hits, misses, inserts, insert_fail, reassigns"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CounterId.fromJson("drop", 0, "oversize"));
        assertThrows(IllegalArgumentException.class, () -> CounterId.fromJson("port", -1, "drops"));
        assertThrows(IllegalArgumentException.class, () -> CounterId.fromJson("mac", -1, "occupancy"));
    }

    private static Map<String, Long> nonZero(Counters counters) {
        Map<String, Long> values = new LinkedHashMap<>();
        counters.values().forEach((id, value) -> {
            if (value != 0) {
                values.put(id.registerName(), value);
            }
        });
        return values;
    }
}
