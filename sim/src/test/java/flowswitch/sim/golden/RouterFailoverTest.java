package flowswitch.sim.golden;

import flowswitch.config.HardwareParams;
import flowswitch.config.MacAddress;
import flowswitch.config.RouterConfig;
import flowswitch.config.RouterState;
import flowswitch.config.ServerDownPolicy;
import flowswitch.config.ServerState;
import flowswitch.config.SwitchConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static flowswitch.sim.golden.Frames.TCP;
import static flowswitch.sim.golden.TestSwitch.A;
import static flowswitch.sim.golden.TestSwitch.R1;
import static flowswitch.sim.golden.TestSwitch.R2;
import static flowswitch.sim.golden.TestSwitch.SWITCH;
import static flowswitch.sim.golden.TestSwitch.VIP1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/datapath.md "Router failover" and the down-server policy, in the model. */
class RouterFailoverTest {
    /** Not a station anywhere: the switch never learns it. */
    private static final MacAddress R3 = MacAddress.parse("02:00:00:00:01:03");

    /** R1 on port 0 and R2 on port 1 (both learned), R3 never seen; R1 down. */
    private static GoldenModel model(RouterState r2, RouterState r3) {
        SwitchConfig config = TestSwitch.config(HardwareParams.defaults()).withRouters(List.of(
                new RouterConfig("r1", R1, RouterState.DOWN), new RouterConfig("r2", R2, r2),
                new RouterConfig("r3", R3, r3)));
        GoldenModel model = new GoldenModel(config);
        model.process(0, Frames.ethernet(TestSwitch.BROADCAST, R1, 0x88B5, 60), false);
        model.process(1, Frames.ethernet(TestSwitch.BROADCAST, R2, 0x88B5, 60), false);
        return model;
    }

    /** A server's reply to the client {@code 10.0.0.<client>} through router {@code via}. */
    private static byte[] reply(MacAddress via, int client, int clientPort) {
        return Frames.ipv4(via, A, TCP, VIP1, "10.0.0." + client, 80, clientPort);
    }

    @Test
    void aFrameForADownRouterGoesToALiveOneRewrittenAndCounted() {
        GoldenModel model = model(RouterState.UP, RouterState.DOWN);
        byte[] frame = reply(R1, 1, 40000);
        byte[] expected = frame.clone();
        Frames.put(expected, 0, R2.bytes());
        Frames.put(expected, 6, SWITCH.bytes());
        assertEquals(List.of(new Egress(1, expected)), model.process(2, frame, false));
        Counters c = model.counters();
        assertEquals(1, c.router(0, RouterCounter.FAILOVERS));
        assertEquals(1, c.router(1, RouterCounter.TAKEOVERS));
    }

    @Test
    void framesForALiveRouterAndFromUplinksAreBridgedUntouched() {
        GoldenModel model = model(RouterState.UP, RouterState.DOWN);
        byte[] toLive = reply(R2, 1, 40000);
        assertEquals(List.of(new Egress(1, toLive)), model.process(2, toLive, false));
        byte[] fromUplink = Frames.ethernet(R1, R2, 0x88B5, 60);
        assertEquals(List.of(new Egress(0, fromUplink)), model.process(1, fromUplink, false));
        assertEquals(0, model.counters().router(0, RouterCounter.FAILOVERS));
    }

    @Test
    void anUnlearnedRouterIsSoughtOnEveryUplink() {
        GoldenModel model = model(RouterState.DOWN, RouterState.UP);
        List<Egress> out = model.process(2, reply(R1, 1, 40000), false);
        assertEquals(List.of(0, 1), out.stream().map(Egress::port).toList());
        assertEquals(R3, Frames.destination(out.get(0).frame()));
    }

    @Test
    void connectionsSpreadOverTheLiveRoutersAndStayPut() {
        GoldenModel model = model(RouterState.UP, RouterState.UP);
        Set<MacAddress> used = new HashSet<>();
        for (int client = 1; client <= 40; client++) {
            MacAddress first = Frames.destination(model.process(2, reply(R1, client, 40000), false).get(0).frame());
            MacAddress again = Frames.destination(model.process(2, reply(R1, client, 40000), false).get(0).frame());
            assertEquals(first, again, "client " + client + " keeps its router");
            used.add(first);
        }
        assertEquals(Set.of(R2, R3), used);
    }

    @Test
    void withNoRouterUpTheFrameIsDropped() {
        GoldenModel model = model(RouterState.DOWN, RouterState.DOWN);
        assertEquals(List.of(), model.process(2, reply(R1, 1, 40000), false));
        assertEquals(1, model.counters().drop(DropReason.NO_ROUTER));
        assertEquals(1, model.counters().port(2, PortCounter.DROPS));
    }

    @Test
    void aServiceThatDropsRefusesTheConnectionsOfADownServerAndKeepsThem() {
        SwitchConfig base = TestSwitch.config(HardwareParams.defaults());
        List<flowswitch.config.ServiceConfig> services = new ArrayList<>(base.services());
        services.set(0, services.get(0).withOnServerDown(ServerDownPolicy.DROP));
        GoldenModel model = new GoldenModel(new SwitchConfig(base.hardware(), base.switchMac(), base.ports(),
                services));
        byte[] syn = TestSwitch.web(1, 40000);
        assertEquals(A, Frames.destination(model.process(0, syn, false).get(0).frame()));
        model.setServerState(TestSwitch.SLOT_A, ServerState.DOWN);
        assertEquals(List.of(), model.process(0, syn, false));
        assertEquals(List.of(), model.process(0, syn, false), "still refused, not moved");
        Counters c = model.counters();
        assertEquals(2, c.drop(DropReason.SERVER_DOWN));
        assertEquals(0, c.flow(FlowCounter.REASSIGNS));
        assertEquals(1, c.flowOccupancy(), "the entry stays");
        model.setServerState(TestSwitch.SLOT_A, ServerState.UP);
        assertEquals(A, Frames.destination(model.process(0, syn, false).get(0).frame()), "back on its server");
        assertTrue(c.flow(FlowCounter.HITS) < model.counters().flow(FlowCounter.HITS));
    }
}
