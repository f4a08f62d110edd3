package flowswitch.sim.golden;

import flowswitch.config.HardwareParams;
import flowswitch.config.Ipv4Address;
import flowswitch.config.Protocol;
import flowswitch.config.Scheduler;
import flowswitch.config.ServerState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static flowswitch.sim.golden.TestSwitch.A;
import static flowswitch.sim.golden.TestSwitch.B;
import static flowswitch.sim.golden.TestSwitch.C;
import static flowswitch.sim.golden.TestSwitch.E;
import static flowswitch.sim.golden.TestSwitch.F;
import static flowswitch.sim.golden.TestSwitch.SLOT_A;
import static flowswitch.sim.golden.TestSwitch.SLOT_B;
import static flowswitch.sim.golden.TestSwitch.SLOT_C;
import static flowswitch.sim.golden.TestSwitch.SWITCH;
import static flowswitch.sim.golden.TestSwitch.R1;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Flow table, rr/wrr and the hash pick, through the model's public interface. */
class FlowSchedulingTest {
    private GoldenModel model = TestSwitch.model();
    private int nextSourcePort = 1000;

    @Test
    void wrrFollowsWeightsThreeOneTwo() {
        assertEquals(List.of(A, A, A, B, C, C, A, A, A, B, C, C), newFlows(12));
    }

    @Test
    void wrrSkipsADownServer() {
        model.setServerState(SLOT_B, ServerState.DOWN);
        assertEquals(List.of(A, A, A, C, C, A, A, A, C, C), newFlows(10));
    }

    @Test
    void wrrMovesOnWhenTheServerItPointsAtGoesDown() {
        assertEquals(List.of(A), newFlows(1));
        model.setServerState(SLOT_A, ServerState.DOWN);
        // ptr = a is no longer eligible: the search starts at ptr+1 and wraps past a.
        assertEquals(List.of(B, C, C, B, C, C), newFlows(6));
    }

    @Test
    void rrTakesEveryWeightAsOne() {
        // Service 2 is rr with e at weight 5 and f at weight 1.
        List<Object> servers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            byte[] frame = Frames.ipv4(SWITCH, R1, Frames.TCP, "10.0.0.1", TestSwitch.VIP2, 2000 + i, 8080);
            servers.add(Frames.destination(model.process(0, frame, false).get(0).frame()));
        }
        assertEquals(List.of(E, F, E, F), servers);
    }

    @Test
    void weightZeroTakesNoNewFlowsButKeepsItsFlows() {
        byte[] first = TestSwitch.web(1, 1);
        assertEquals(A, serverOf(first));
        model.setServerWeight(SLOT_A, 0);
        assertEquals(List.of(B, C, C, B), newFlows(4));
        assertEquals(A, serverOf(first));
        assertEquals(1, model.counters().flow(FlowCounter.HITS));
    }

    @Test
    void drainKeepsExistingFlowsAndTakesNoNewOnes() {
        byte[] first = TestSwitch.web(1, 1);
        assertEquals(A, serverOf(first));
        model.setServerState(SLOT_A, ServerState.DRAIN);
        assertEquals(A, serverOf(first));
        assertEquals(List.of(B, C, C, B), newFlows(4));
        assertEquals(A, serverOf(first));
        Counters counters = model.counters();
        assertEquals(2, counters.flow(FlowCounter.HITS));
        assertEquals(0, counters.flow(FlowCounter.REASSIGNS));
        assertEquals(3, counters.server(SLOT_A, ServerCounter.PACKETS));
        assertEquals(1, counters.server(SLOT_A, ServerCounter.NEW_FLOWS));
    }

    @Test
    void aFlowOnADownServerIsReassignedAndStays() {
        byte[] flow = TestSwitch.web(1, 1);
        assertEquals(A, serverOf(flow));
        model.setServerState(SLOT_A, ServerState.DOWN);
        assertEquals(B, serverOf(flow));
        model.setServerState(SLOT_A, ServerState.UP);
        assertEquals(B, serverOf(flow));
        Counters counters = model.counters();
        assertEquals(1, counters.flow(FlowCounter.MISSES));
        assertEquals(1, counters.flow(FlowCounter.INSERTS));
        assertEquals(1, counters.flow(FlowCounter.REASSIGNS));
        assertEquals(1, counters.flow(FlowCounter.HITS));
        assertEquals(1, counters.server(SLOT_B, ServerCounter.NEW_FLOWS));
        assertEquals(1, counters.server(SLOT_A, ServerCounter.NEW_FLOWS));
        assertEquals(1, counters.flowOccupancy());
    }

    @Test
    void aFlowWhoseServerLeftTheServiceIsReassigned() {
        byte[] flow = TestSwitch.web(1, 1);
        assertEquals(A, serverOf(flow));
        model.setServer(SLOT_A, new ServerEntry(A, 2, 2, 3, ServerState.UP));
        assertEquals(B, serverOf(flow));
        assertEquals(1, model.counters().flow(FlowCounter.REASSIGNS));
        model.clearServer(SLOT_B);
        assertEquals(C, serverOf(flow));
        assertEquals(2, model.counters().flow(FlowCounter.REASSIGNS));
    }

    @Test
    void aStaleFlowWithNoServerLeftIsDroppedAndKept() {
        byte[] flow = TestSwitch.web(1, 1);
        assertEquals(A, serverOf(flow));
        for (int slot : new int[] {SLOT_A, SLOT_B, SLOT_C}) {
            model.setServerState(slot, ServerState.DOWN);
        }
        assertEquals(List.of(), model.process(0, flow, false));
        Counters counters = model.counters();
        assertEquals(1, counters.drop(DropReason.NO_SERVER));
        assertEquals(0, counters.flow(FlowCounter.HITS) + counters.flow(FlowCounter.REASSIGNS));
        assertEquals(1, counters.flowOccupancy());
        model.setServerState(SLOT_C, ServerState.UP);
        assertEquals(C, serverOf(flow));
        assertEquals(1, model.counters().flow(FlowCounter.REASSIGNS));
    }

    @Test
    void theHashIsTheXorFoldOfTheFiveTuple() {
        FiveTuple tuple = new FiveTuple(Ipv4Address.parse("10.0.0.1"), Ipv4Address.parse("192.0.2.10"), Protocol.TCP,
                40015, 80);
        // 0x0A00 ^ 0x0001 ^ 0xC000 ^ 0x020A ^ 0x9C4F ^ 0x0050 ^ 0x0006
        assertEquals(0x5412, HashPick.hash(tuple));
    }

    @Test
    void aSegmentOfALostConnectionTakesTheHashPickAndIsStoredWithIt() {
        byte[] midConnection = TestSwitch.web(1, 40015);
        midConnection[47] = 0x10; // ACK: the connection opened before the table knew it
        // hash 0x5412 (see above): start = 0x5412 mod 16 = 2, which is c; the WRR would have picked a.
        assertEquals(C, serverOf(midConnection));
        assertEquals(C, serverOf(midConnection));
        Counters counters = model.counters();
        assertEquals(1, counters.flow(FlowCounter.INSERTS));
        assertEquals(1, counters.flow(FlowCounter.HITS));
        assertEquals(List.of(A, A, A, B), newFlows(4), "the WRR was not touched");
    }

    @Test
    void aFullTablePicksByHashStablyAndLeavesWrrAlone() {
        model = new GoldenModel(TestSwitch.config(HardwareParams.defaults().withFlowTableSize(16)));
        assertEquals(List.of(A, A, A, B, C, C, A, A, A, B, C, C, A, A, A, B), newFlows(16));
        assertEquals(16, model.counters().flowOccupancy());

        // hash 0x5412 (see above): start = 0x5412 mod 16 = 2, which is c.
        byte[] overflow = TestSwitch.web(1, 40015);
        assertEquals(C, serverOf(overflow));
        assertEquals(C, serverOf(overflow));
        Counters counters = model.counters();
        assertEquals(18, counters.flow(FlowCounter.MISSES));
        assertEquals(16, counters.flow(FlowCounter.INSERTS));
        assertEquals(2, counters.flow(FlowCounter.INSERT_FAIL));
        assertEquals(4 + 2, counters.server(SLOT_C, ServerCounter.NEW_FLOWS));
        assertEquals(16, counters.flowOccupancy());

        // With c down the search goes on from slot 3 and wraps to a.
        model.setServerState(SLOT_C, ServerState.DOWN);
        assertEquals(A, serverOf(overflow));
        model.setServerState(SLOT_C, ServerState.UP);

        // WRR was left at b (count 1 of weight 1): had the hash picks moved it to c, this would be c, a, a.
        model.flushFlows();
        assertEquals(0, model.counters().flowOccupancy());
        assertEquals(List.of(C, C, A), newFlows(3));
        assertEquals(3, model.counters().flowOccupancy());
    }

    @Test
    void lcTakesTheFewestConnectionsAndTheLowestSlotOnATie() {
        model.setService(0, web(Scheduler.LC));
        assertEquals(List.of(A, B, C, A, B, C), newFlows(6));
        assertEquals(List.of(2L, 2L, 2L), model.connections().subList(0, 3));
        model.flushFlows();
        assertEquals(List.of(0L, 0L, 0L), model.connections().subList(0, 3), "a flush empties the counts");
    }

    @Test
    void wlcComparesConnectionsPerWeightExactly() {
        // Weights 3:1:2; a tie (0/3 = 0/1 = 0/2, then 1/1 = 2/2) goes to the lowest slot.
        model.setService(0, web(Scheduler.WLC));
        assertEquals(List.of(A, B, C, A, C, A), newFlows(6));
    }

    @Test
    void mhTakesTheEntrysServerOrTheNextEligibleOneOnBothPaths() {
        model.setService(0, web(Scheduler.MH));
        int[] allB = new int[HardwareParams.defaults().maglevTableSize()];
        java.util.Arrays.fill(allB, SLOT_B);
        model.commitMaglevTable(0, allB);
        assertEquals(List.of(B, B, B), newFlows(3));
        // A segment of a connection the table never saw (an ACK) takes the same Maglev pick, not the hash's (c).
        byte[] lost = TestSwitch.web(1, 40015);
        lost[47] = 0x10;
        assertEquals(B, serverOf(lost));
        model.setServerState(SLOT_B, ServerState.DOWN);
        assertEquals(List.of(C, C), newFlows(2));
    }

    private static ServiceEntry web(Scheduler scheduler) {
        return new ServiceEntry(Ipv4Address.parse(TestSwitch.VIP1), Protocol.TCP, 80, scheduler);
    }

    /** Opens {@code count} new web flows (new source ports) and returns the server MAC each went to. */
    private List<Object> newFlows(int count) {
        List<Object> servers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            servers.add(serverOf(TestSwitch.web(1, nextSourcePort++)));
        }
        return servers;
    }

    private Object serverOf(byte[] frame) {
        List<Egress> out = model.process(0, frame, false);
        assertEquals(1, out.size(), out::toString);
        return Frames.destination(out.get(0).frame());
    }
}
