package flowswitch.sim.traffic;

import flowswitch.config.MacAddress;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Turns a flow into its packets in order: the client's packets through its router to the switch MAC, each
 * followed, by chance, by the server's reply straight to the router (direct routing: the reply bypasses the
 * balancer and is bridged).
 */
final class FlowPlanner {
    private static final int SERVER_TTL = 64;

    private final MacAddress switchMac;
    private final Random random;
    private final FrameSizes sizes;
    private final double replyShare;

    FlowPlanner(MacAddress switchMac, Random random, FrameSizes sizes, double replyShare) {
        this.switchMac = switchMac;
        this.random = random;
        this.sizes = sizes;
        this.replyShare = replyShare;
    }

    List<Planned> plan(Flow flow, int packets) {
        Conversation conversation = new Conversation(flow);
        switch (flow.protocol()) {
            case TCP -> conversation.tcp(packets);
            case UDP -> conversation.udp(packets);
        }
        return conversation.out;
    }

    /** One flow's packets in both directions, with TCP sequence and acknowledgment numbers that add up. */
    private final class Conversation {
        private final Flow flow;
        private final Link toSwitch;
        private final Ip clientIp;
        private final Ip serverIp;
        private final List<Planned> out = new ArrayList<>();
        private int clientNext = random.nextInt();
        private int serverNext = random.nextInt();

        Conversation(Flow flow) {
            this.flow = flow;
            this.toSwitch = flow.toSwitch(switchMac);
            this.clientIp = flow.clientIp();
            this.serverIp = clientIp.reversed(SERVER_TTL);
        }

        void udp(int packets) {
            int headers = toSwitch.length() + clientIp.headerLength() + UdpPacket.HEADER;
            for (int i = 0; i < packets; i++) {
                out.add(new Planned(flow.router().port(), new UdpPacket(toSwitch, clientIp, flow.clientPort(),
                        flow.servicePort(), sizes.payload(headers))));
                reply(() -> new UdpPacket(toRouter(), serverIp, flow.servicePort(), flow.clientPort(),
                        sizes.payload(headers)));
            }
        }

        /** SYN, then ACK (from 4 packets on), data…, and FIN last (from 2 packets on). */
        void tcp(int packets) {
            int headers = toSwitch.length() + clientIp.headerLength() + TcpHeader.BASE;
            for (int i = 0; i < packets; i++) {
                if (i == 0) {
                    client(TcpHeader.SYN, 0);
                    server(TcpHeader.SYN | TcpHeader.ACK, () -> 0);
                } else if (i == packets - 1) {
                    client(TcpHeader.FIN | TcpHeader.ACK, 0);
                    server(TcpHeader.FIN | TcpHeader.ACK, () -> 0);
                } else if (i == 1 && packets >= 4) {
                    client(TcpHeader.ACK, 0);
                } else {
                    client(TcpHeader.PSH | TcpHeader.ACK, sizes.payload(headers));
                    server(TcpHeader.PSH | TcpHeader.ACK, () -> sizes.payload(headers));
                }
            }
        }

        private void client(int flags, int payload) {
            int ack = (flags & TcpHeader.SYN) != 0 ? 0 : serverNext;
            TcpHeader header = new TcpHeader(flow.clientPort(), flow.servicePort(), clientNext, ack, flags);
            out.add(new Planned(flow.router().port(), new TcpPacket(toSwitch, clientIp, header, payload)));
            clientNext += header.sequenceSpace(payload);
        }

        private void server(int flags, IntSupplier payload) {
            reply(() -> {
                int length = payload.getAsInt();
                TcpHeader header = new TcpHeader(flow.servicePort(), flow.clientPort(), serverNext, clientNext, flags);
                serverNext += header.sequenceSpace(length);
                return new TcpPacket(toRouter(), serverIp, header, length);
            });
        }

        /** Plans the server's answer to the client packet just planned, if the server answers it. */
        private void reply(Supplier<Packet> packet) {
            if (flow.replier().isPresent() && random.nextDouble() < replyShare) {
                out.add(new Planned(flow.replier().get().port(), packet.get()));
            }
        }

        private Link toRouter() {
            return new Link(flow.router().mac(), flow.replier().orElseThrow().mac(), flow.vlan());
        }
    }
}
