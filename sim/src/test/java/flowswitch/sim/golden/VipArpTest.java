package flowswitch.sim.golden;

import flowswitch.config.Ipv4Address;
import flowswitch.config.MacAddress;
import org.junit.jupiter.api.Test;

import java.util.List;

import static flowswitch.sim.golden.TestSwitch.A;
import static flowswitch.sim.golden.TestSwitch.BROADCAST;
import static flowswitch.sim.golden.TestSwitch.E;
import static flowswitch.sim.golden.TestSwitch.R1;
import static flowswitch.sim.golden.TestSwitch.R2;
import static flowswitch.sim.golden.TestSwitch.SWITCH;
import static flowswitch.sim.golden.TestSwitch.VIP1;
import static flowswitch.sim.golden.TestSwitch.VIP2;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** docs/datapath.md "ARP for the VIPs": the switch answers for the VIPs and keeps the servers' ARP about them in. */
class VipArpTest {
    private static final int REQUEST = ArpMessage.REQUEST;
    private static final int REPLY = ArpMessage.REPLY;
    private static final MacAddress UNKNOWN = MacAddress.parse("02:00:00:00:99:99");
    private static final String R1_IP = "10.1.0.1";

    private final GoldenModel model = TestSwitch.model();

    @Test
    void aRequestForAVipFromAnUplinkGoesBackAsTheSwitchsReply() {
        byte[] request = Frames.arp(BROADCAST, R1, REQUEST, R1, R1_IP, VIP1);
        // Written out byte by byte: the reply as docs/datapath.md lays it out, padding as it came.
        byte[] reply = request.clone();
        Frames.put(reply, 0, R1.bytes());
        Frames.put(reply, 6, SWITCH.bytes());
        Frames.put16(reply, 20, REPLY);
        Frames.put(reply, 22, SWITCH.bytes());
        Frames.put(reply, 28, new byte[] {(byte) 192, 0, 2, 10});
        Frames.put(reply, 32, R1.bytes());
        Frames.put(reply, 38, new byte[] {10, 1, 0, 1});
        assertEquals(List.of(new Egress(0, reply)), model.process(0, request, false));

        Counters c = model.counters();
        assertEquals(1, c.service(0, ServiceCounter.ARP_REPLIES), "web, the lowest service on VIP1, counts it");
        assertEquals(0, c.service(1, ServiceCounter.ARP_REPLIES));
        assertEquals(1, c.port(0, PortCounter.TX_PACKETS));
        assertEquals(0, c.port(0, PortCounter.DROPS));
        assertEquals(1, c.macOccupancy(), "the requester is learned");
    }

    @Test
    void aTaggedRequestIsAnsweredBehindItsTag() {
        byte[] request = Frames.tagged(Frames.arp(BROADCAST, R2, REQUEST, R2, "10.1.0.2", VIP2), 9);
        List<Egress> out = model.process(1, request, false);
        assertEquals(1, out.size());
        byte[] reply = out.get(0).frame();
        assertEquals(1, out.get(0).port());
        assertEquals(R2, Frames.destination(reply));
        assertEquals(REPLY, (reply[24] & 0xff) << 8 | reply[25] & 0xff);
        assertEquals(ParsedFrame.arp(R2, SWITCH, Frames.ETHERTYPE_ARP, new ArpMessage(18, REPLY, SWITCH,
                Ipv4Address.parse(VIP2), Ipv4Address.parse("10.1.0.2"))), new FrameParser(2048, 8).parse(reply, false));
        assertEquals(1, model.counters().service(2, ServiceCounter.ARP_REPLIES), "any, the lowest service on VIP2");
    }

    @Test
    void aUnicastRequestToTheSwitchIsAnsweredNotDropped() {
        List<Egress> out = model.process(0, Frames.arp(SWITCH, R1, REQUEST, R1, R1_IP, VIP1), false);
        assertEquals(List.of(0), out.stream().map(Egress::port).toList());
        assertEquals(0, model.counters().drop(DropReason.NO_SERVICE));
    }

    @Test
    void otherArpFromTheUplinksIsBridged() {
        assertEquals(3, model.process(0, Frames.arp(BROADCAST, R1, REQUEST, R1, R1_IP, "192.0.2.99"), false).size(),
                "a request for another address floods");
        byte[] replyForVip = Frames.arp(BROADCAST, R1, REPLY, R1, VIP1, R1_IP);
        assertEquals(3, model.process(0, replyForVip, false).size(), "only requests are answered");
        model.clearService(0);
        model.clearService(1);
        assertEquals(3, model.process(0, Frames.arp(BROADCAST, R1, REQUEST, R1, R1_IP, VIP1), false).size(),
                "the VIP of disabled services is no VIP");
        assertEquals(0, model.counters().service(0, ServiceCounter.ARP_REPLIES));
    }

    @Test
    void aServersArpAboutTheVipNeverReachesAnUplink() {
        model.process(0, Frames.arp(BROADCAST, R1, REQUEST, R1, R1_IP, "192.0.2.99"), false); // R1 on port 0
        model.clearCounters();
        byte[] gratuitous = Frames.arp(BROADCAST, A, REQUEST, A, VIP1, VIP1);
        assertEquals(List.of(new Egress(3, gratuitous)), model.process(2, gratuitous, false));
        byte[] askingForVip = Frames.arp(BROADCAST, E, REQUEST, E, "10.2.0.5", VIP2);
        assertEquals(List.of(new Egress(3, askingForVip)), model.process(2, askingForVip, false),
                "a server's request for the VIP is not answered either");
        assertEquals(List.of(), model.process(2, Frames.arp(R1, A, REPLY, A, VIP1, R1_IP), false));
        Counters c = model.counters();
        assertEquals(1, c.drop(DropReason.VIP_ARP));
        assertEquals(1, c.port(2, PortCounter.DROPS));
        assertEquals(0, c.port(0, PortCounter.TX_PACKETS) + c.port(1, PortCounter.TX_PACKETS));
    }

    @Test
    void aServersArpAboutItsOwnAddressIsBridgedAsUsual() {
        byte[] own = Frames.arp(BROADCAST, A, REQUEST, A, "10.2.0.1", "10.2.0.1");
        assertEquals(List.of(0, 1, 3), model.process(2, own, false).stream().map(Egress::port).toList());
        assertEquals(List.of(), model.process(2, Frames.arp(A, UNKNOWN, REPLY, UNKNOWN, VIP1, "10.2.0.1"), false),
                "a drop the bridge decides keeps its reason");
        assertEquals(1, model.counters().drop(DropReason.FILTERED));
        assertEquals(0, model.counters().drop(DropReason.VIP_ARP));
    }
}
