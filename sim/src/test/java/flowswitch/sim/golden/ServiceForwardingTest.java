package flowswitch.sim.golden;

import flowswitch.config.Ipv4Address;
import flowswitch.config.MacAddress;
import flowswitch.config.Protocol;
import flowswitch.config.Scheduler;
import flowswitch.config.ServerState;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static flowswitch.sim.golden.Frames.TCP;
import static flowswitch.sim.golden.Frames.UDP;
import static flowswitch.sim.golden.TestSwitch.A;
import static flowswitch.sim.golden.TestSwitch.D;
import static flowswitch.sim.golden.TestSwitch.E;
import static flowswitch.sim.golden.TestSwitch.G;
import static flowswitch.sim.golden.TestSwitch.R1;
import static flowswitch.sim.golden.TestSwitch.SWITCH;
import static flowswitch.sim.golden.TestSwitch.VIP1;
import static flowswitch.sim.golden.TestSwitch.VIP2;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Classification and the rewrite of service frames. */
class ServiceForwardingTest {
    private final GoldenModel model = TestSwitch.model();

    @Test
    void rewritesOnlyTheMacAddressesAndSendsToTheServersPort() {
        byte[] frame = Frames.ipv4(SWITCH, R1, TCP, "10.0.0.1", VIP1, 40000, 80, 90);
        List<Egress> out = model.process(0, frame, false);
        byte[] expected = frame.clone();
        Frames.put(expected, 0, A.bytes());
        Frames.put(expected, 6, SWITCH.bytes());
        assertEquals(List.of(new Egress(2, expected)), out);
    }

    @Test
    void keepsTheVlanTagAndTheEthernetPadding() {
        byte[] frame = Frames.tagged(Frames.ipv4(SWITCH, R1, UDP, "10.0.0.1", VIP1, 5353, 53, 100), 42);
        byte[] sent = model.process(1, frame, false).get(0).frame();
        assertArrayEquals(D.bytes(), Arrays.copyOfRange(sent, 0, 6));
        assertArrayEquals(SWITCH.bytes(), Arrays.copyOfRange(sent, 6, 12));
        assertArrayEquals(Arrays.copyOfRange(frame, 12, frame.length), Arrays.copyOfRange(sent, 12, sent.length));
    }

    @Test
    void matchesVipProtocolAndPort() {
        assertEquals(3, port(Frames.ipv4(SWITCH, R1, UDP, "10.0.0.1", VIP1, 5353, 53)), "udp 53 is dns");
        assertDropped(DropReason.NO_SERVICE, Frames.ipv4(SWITCH, R1, TCP, "10.0.0.1", VIP1, 5353, 53));
        assertDropped(DropReason.NO_SERVICE, Frames.ipv4(SWITCH, R1, TCP, "10.0.0.1", VIP1, 40000, 81));
        assertDropped(DropReason.NO_SERVICE, Frames.ipv4(SWITCH, R1, TCP, "10.0.0.1", "192.0.2.11", 40000, 80));
    }

    @Test
    void portZeroMatchesAnyPortAndTheLowestServiceWins() {
        assertEquals(E, destination(Frames.ipv4(SWITCH, R1, TCP, "10.0.0.1", VIP2, 40000, 8080)));
        // Service 2 (any port) and service 3 (443) both match; 2 is lower. Its rr pointer moved to f (port 3).
        byte[] tls = Frames.ipv4(SWITCH, R1, TCP, "10.0.0.2", VIP2, 40000, 443);
        assertEquals(TestSwitch.F, destination(tls));
        assertEquals(0, model.counters().service(3, ServiceCounter.PACKETS));
        model.clearService(2);
        assertEquals(G, destination(Frames.ipv4(SWITCH, R1, TCP, "10.0.0.3", VIP2, 40000, 443)));
        assertDropped(DropReason.NO_SERVICE, Frames.ipv4(SWITCH, R1, TCP, "10.0.0.1", VIP2, 40000, 8080));
        model.setService(2, new ServiceEntry(Ipv4Address.parse(VIP2), Protocol.TCP, 0,
                Scheduler.RR));
        assertEquals(E, destination(Frames.ipv4(SWITCH, R1, TCP, "10.0.0.4", VIP2, 40000, 443)));
    }

    @Test
    void onlyUplinkPortsCarryServiceFrames() {
        // From a server port the same frame is bridged; it is addressed to the switch, so it is dropped.
        assertDropped(DropReason.NO_SERVICE, 2, TestSwitch.web(1, 40000));
        assertEquals(0, model.counters().flow(FlowCounter.MISSES));
    }

    @Test
    void fragmentsAreNotServiceFrames() {
        byte[] fragment = TestSwitch.web(1, 40000);
        Frames.put16(fragment, 20, 0x2000);
        assertDropped(DropReason.NO_SERVICE, fragment);
    }

    @Test
    void noEligibleServerDropsTheFrame() {
        model.setServerState(TestSwitch.SLOT_D, ServerState.DOWN);
        assertDropped(DropReason.NO_SERVER, Frames.ipv4(SWITCH, R1, UDP, "10.0.0.1", VIP1, 5353, 53));
        Counters counters = model.counters();
        assertEquals(1, counters.flow(FlowCounter.MISSES));
        assertEquals(0, counters.flow(FlowCounter.INSERTS));
        assertEquals(0, counters.flowOccupancy());
        assertEquals(0, counters.service(1, ServiceCounter.PACKETS));
        assertEquals(1, counters.port(0, PortCounter.DROPS));
    }

    private int port(byte[] frame) {
        List<Egress> out = model.process(0, frame, false);
        assertEquals(1, out.size(), out::toString);
        return out.get(0).port();
    }

    private MacAddress destination(byte[] frame) {
        List<Egress> out = model.process(0, frame, false);
        assertEquals(1, out.size(), out::toString);
        return Frames.destination(out.get(0).frame());
    }

    private void assertDropped(DropReason reason, byte[] frame) {
        assertDropped(reason, 0, frame);
    }

    private void assertDropped(DropReason reason, int port, byte[] frame) {
        long before = model.counters().drop(reason);
        assertEquals(List.of(), model.process(port, frame, false));
        assertEquals(before + 1, model.counters().drop(reason));
    }
}
