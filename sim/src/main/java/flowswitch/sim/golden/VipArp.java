package flowswitch.sim.golden;

import flowswitch.config.MacAddress;

import java.util.List;
import java.util.OptionalInt;

/**
 * docs/datapath.md "ARP for the VIPs": the ARP requests for a VIP from the uplinks that the switch answers, the reply
 * it makes of one, and the servers' ARP about a VIP that it keeps from the uplinks.
 */
final class VipArp {
    private static final int OPERATION = 6;
    private static final int SENDER_MAC = 8;
    private static final int SENDER_IP = 14;
    private static final int TARGET_MAC = 18;
    private static final int TARGET_IP = 24;

    private final ServiceClassifier services;
    private final MacAddress switchMac;

    VipArp(ServiceClassifier services, MacAddress switchMac) {
        this.services = services;
        this.switchMac = switchMac;
    }

    /** The service slot that counts the answer, when the switch answers this frame. */
    OptionalInt answeringSlot(int ingressPort, ParsedFrame frame) {
        if (!services.uplink(ingressPort) || frame.arp().isEmpty() || !frame.arp().get().isRequest()) {
            return OptionalInt.empty();
        }
        return services.vipSlot(frame.arp().get().targetIp());
    }

    /** The request made the switch's reply: every byte but the Ethernet MACs and the ARP body's as it came. */
    byte[] reply(byte[] request, ArpMessage arp) {
        byte[] reply = request.clone();
        int at = arp.offset();
        put(reply, 0, arp.senderMac().bytes());
        put(reply, 6, switchMac.bytes());
        reply[at + OPERATION] = 0;
        reply[at + OPERATION + 1] = ArpMessage.REPLY;
        put(reply, at + SENDER_MAC, switchMac.bytes());
        put(reply, at + SENDER_IP, arp.targetIp().bytes());
        put(reply, at + TARGET_MAC, arp.senderMac().bytes());
        put(reply, at + TARGET_IP, arp.senderIp().bytes());
        return reply;
    }

    /** ARP about a VIP from a port that is not an uplink: it must not reach the routers. */
    boolean keptFromUplinks(int ingressPort, ParsedFrame frame) {
        return !services.uplink(ingressPort) && frame.arp().isPresent()
                && (services.vipSlot(frame.arp().get().senderIp()).isPresent()
                || services.vipSlot(frame.arp().get().targetIp()).isPresent());
    }

    List<Integer> withoutUplinks(List<Integer> ports) {
        return ports.stream().filter(p -> !services.uplink(p)).toList();
    }

    private static void put(byte[] frame, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, frame, at, bytes.length);
    }
}
