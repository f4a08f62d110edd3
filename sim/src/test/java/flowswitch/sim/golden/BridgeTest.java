package flowswitch.sim.golden;

import flowswitch.config.HardwareParams;
import flowswitch.config.MacAddress;
import org.junit.jupiter.api.Test;

import java.util.List;

import static flowswitch.sim.golden.TestSwitch.A;
import static flowswitch.sim.golden.TestSwitch.BROADCAST;
import static flowswitch.sim.golden.TestSwitch.R1;
import static flowswitch.sim.golden.TestSwitch.SWITCH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The learning bridge: everything that is not a service frame. */
class BridgeTest {
    private static final int EXPERIMENTAL = 0x88B5;
    private static final MacAddress M1 = MacAddress.parse("02:00:00:00:99:01");
    private static final MacAddress M2 = MacAddress.parse("02:00:00:00:99:02");
    private static final MacAddress MULTICAST = MacAddress.parse("01:00:5e:00:00:01");

    private GoldenModel model = TestSwitch.model();

    @Test
    void floodsUnknownAndBroadcastToEveryOtherPortInOrder() {
        byte[] unknown = frame(M2, M1);
        assertEquals(List.of(new Egress(0, unknown), new Egress(1, unknown), new Egress(3, unknown)),
                model.process(2, unknown, false));
        byte[] broadcast = frame(BROADCAST, M2);
        assertEquals(List.of(new Egress(1, broadcast), new Egress(2, broadcast), new Egress(3, broadcast)),
                model.process(0, broadcast, false));
        byte[] multicast = frame(MULTICAST, M2);
        assertEquals(3, model.process(0, multicast, false).size());
    }

    @Test
    void learnsSourcesAndForwardsByteIdentical() {
        model.process(2, frame(BROADCAST, M1), false);
        byte[] toM1 = frame(M1, M2);
        assertEquals(List.of(new Egress(2, toM1)), model.process(0, toM1, false));
        // M1 moves to port 3.
        model.process(3, frame(BROADCAST, M1), false);
        assertEquals(List.of(new Egress(3, toM1)), model.process(0, toM1, false));
        assertEquals(2, model.counters().macOccupancy());
    }

    @Test
    void filtersFramesForTheIngressPort() {
        model.process(2, frame(BROADCAST, M1), false);
        assertEquals(List.of(), model.process(2, frame(M1, M2), false));
        assertEquals(1, model.counters().drop(DropReason.FILTERED));
        assertEquals(1, model.counters().port(2, PortCounter.DROPS));
    }

    @Test
    void learnsAfterTheDestinationLookup() {
        byte[] toItself = frame(M1, M1);
        assertEquals(3, model.process(1, toItself, false).size(), "unknown before its own source is learned");
        assertEquals(List.of(), model.process(1, toItself, false));
        assertEquals(1, model.counters().drop(DropReason.FILTERED));
    }

    @Test
    void doesNotLearnMulticastSources() {
        model.process(1, frame(BROADCAST, MULTICAST), false);
        assertEquals(0, model.counters().macOccupancy());
    }

    @Test
    void doesNotLearnFromFramesThatFailParsing() {
        byte[] badIhl = TestSwitch.web(1, 1);
        Frames.put(badIhl, 6, M1.bytes());
        badIhl[14] = 0x44;
        assertEquals(List.of(), model.process(1, badIhl, false));
        // Ends in the beat of its decision point (byte 13, beat 1 of 8-byte beats): decided at its end, dropped.
        assertEquals(List.of(), model.process(1, Frames.truncate(frame(BROADCAST, M1), 16), true));
        assertEquals(0, model.counters().macOccupancy());
        assertEquals(3, model.process(0, frame(M1, M2), false).size());
    }

    @Test
    void learnsFromAFrameDecidedBeforeItsLateError() {
        List<Egress> aborted = model.process(1, frame(BROADCAST, M1), true);
        assertEquals(3, aborted.size());
        assertTrue(aborted.stream().allMatch(Egress::aborted));
        assertEquals(1, model.counters().macOccupancy());
        assertEquals(1, model.counters().drop(DropReason.RX_ERROR));
        assertEquals(1, model.counters().port(1, PortCounter.DROPS));
        assertEquals(0, model.counters().port(0, PortCounter.TX_PACKETS));
        assertEquals(List.of(new Egress(1, frame(M1, M2))), model.process(0, frame(M1, M2), false));
    }

    @Test
    void learnsFromServiceFramesSoServerRepliesReachTheRouter() {
        model.process(0, TestSwitch.web(1, 40000), false);
        byte[] reply = Frames.ipv4(R1, A, Frames.TCP, TestSwitch.VIP1, "10.0.0.1", 80, 40000, 200);
        assertEquals(List.of(new Egress(0, reply)), model.process(2, reply, false));
    }

    @Test
    void dropsNonServiceFramesForTheSwitchMac() {
        assertEquals(List.of(), model.process(1, frame(SWITCH, M1), false));
        assertEquals(1, model.counters().drop(DropReason.NO_SERVICE));
    }

    @Test
    void aFullMacTableOverwritesRoundRobinFromEntryZero() {
        model = new GoldenModel(TestSwitch.config(HardwareParams.defaults().withMacTableSize(4)));
        for (int i = 1; i <= 4; i++) {
            model.process(1, frame(BROADCAST, station(i)), false);
        }
        model.process(1, frame(BROADCAST, station(3)), false); // known: updates in place, victim stays
        model.process(2, frame(BROADCAST, station(5)), false); // replaces entry 0 (station 1)
        model.process(2, frame(BROADCAST, station(6)), false); // replaces entry 1 (station 2)
        assertEquals(4, model.counters().macOccupancy());
        assertEquals(3, model.process(0, frame(station(1), M1), false).size(), "station 1 was evicted");
        // M1 itself is now learned into entry 2, evicting station 3; from here on M1 is known and evicts nothing.
        assertEquals(3, model.process(0, frame(station(3), M1), false).size(), "station 3 was evicted");
        assertEquals(List.of(1), ports(model.process(0, frame(station(4), M1), false)));
        assertEquals(List.of(2), ports(model.process(0, frame(station(5), M1), false)));
        assertEquals(List.of(2), ports(model.process(0, frame(station(6), M1), false)));
    }

    private static List<Integer> ports(List<Egress> out) {
        return out.stream().map(Egress::port).toList();
    }

    private static MacAddress station(int i) {
        return new MacAddress(0x0200_0000_7700L + i);
    }

    private static byte[] frame(MacAddress dst, MacAddress src) {
        return Frames.ethernet(dst, src, EXPERIMENTAL, 60);
    }
}
