package flowswitch.hdl.top;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.config.HardwareParams;
import flowswitch.hdl.control.CounterSpec;
import flowswitch.hdl.decision.DecisionUnit;
import flowswitch.hdl.decision.DropReason;
import flowswitch.hdl.dsl.Hw;
import flowswitch.hdl.egress.EgressSwitch;
import flowswitch.hdl.flowtable.FlowTable;
import flowswitch.hdl.health.PassiveHealth;
import flowswitch.hdl.ingress.FrameStatus;
import flowswitch.hdl.ingress.IngressPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import spinal.core.Bool;
import spinal.core.UInt;

/**
 * Every counter of the switch with the datapath events that drive it, in register-map order: the one list from
 * which the control plane builds its 64-bit counters and the register map names them (docs/datapath.md "Counters").
 * Drops are counted at the decision and, for aborted frames, by the egress as they end; servers' and services'
 * traffic by the egress as it ends: where several sources may pulse in one cycle, the counter adds them all.
 */
final class Counters {
    /** One counter: where it is filed, what it counts, the pulse that counts it and how much (null: one). */
    record Event(String group, int index, String name, String doc, Bool inc, UInt amount) {}

    private final List<Event> events = new ArrayList<>();

    Counters(HardwareParams hw, List<IngressPort> ingress, DecisionUnit decision, FlowTable flows, EgressSwitch egress,
             PassiveHealth health) {
        List<EgressSwitch.Sent> sent = new ArrayList<>();
        for (int p = 0; p < hw.ports(); p++) sent.add(egress.sent(p));
        for (int p = 0; p < hw.ports(); p++) {
            IngressPort in = ingress.get(p);
            EgressSwitch.Egress out = egress.egress(p);
            add("port", p, "rx_packets", "frames received", in.statRxInc, null);
            add("port", p, "rx_bytes", "bytes received", in.statRxInc, in.statRxBytes);
            add("port", p, "tx_packets", "frames sent", out.txInc(), null);
            add("port", p, "tx_bytes", "bytes sent", out.txInc(), out.txBytes());
            addEach("port", p, "drops", "frames received here and dropped, any reason",
                    List.of(decision.statPortDrop.get(p), sent.get(p).abort()), null);
        }
        for (DropReason r : DropReason.values()) {
            List<Bool> pulses = new ArrayList<>(List.of(decision.statDrop.get(r)));
            lateStatus(r).ifPresent(status -> {
                for (EgressSwitch.Sent s : sent) pulses.add(and(s.abort(), eq(s.abortStatus(), status.code())));
            });
            addEach("drop", -1, r.counterName(), "frames dropped: " + r.counterName().replace('_', ' '), pulses, null);
        }
        add("flow", -1, "hits", "service frames of a known connection", decision.statFlowHit, null);
        add("flow", -1, "misses", "service frames of a new connection", decision.statFlowMiss, null);
        add("flow", -1, "inserts", "connections written into the flow table", decision.statFlowInsert, null);
        add("flow", -1, "insert_fail", "new connections that found their rows and the stash taken (server picked by"
                + " hash)", decision.statFlowInsertFail, null);
        add("flow", -1, "reassigns", "connections moved off a server that went down", decision.statFlowReassign, null);
        add("flow", -1, "stash_inserts", "connections inserted into the stash (all their rows taken)",
                flows.statStashInsert, null);
        add("flow", -1, "relocations", "entries the relocator moved (stash to a row, or a cuckoo kick)",
                flows.statRelocation, null);
        add("flow", -1, "aged_out", "connections removed after their idle timeout", flows.statAgedOutInc,
                flows.statAgedOutAmount);
        add("flow", -1, "deleted", "connections removed by the host (FLOW_CMD delete, FLOW_FLUSH)",
                flows.statDeletedInc, flows.statDeletedAmount);
        List<UInt> bytes = sent.stream().map(EgressSwitch.Sent::bytes).toList();
        for (int v = 0; v < hw.maxServices(); v++) {
            int service = v;
            List<Bool> served = sent.stream().map(s -> and(s.served(), eq(s.service(), service))).toList();
            addEach("service", v, "packets", "frames forwarded for this service", served, null);
            addEach("service", v, "bytes", "bytes forwarded for this service", served, bytes);
            add("service", v, "arp_replies", "ARP requests for this service's VIP the switch answered",
                    decision.statServiceArpReply.get(v), null);
        }
        for (int s = 0; s < hw.maxServers(); s++) {
            int server = s;
            List<Bool> served = sent.stream().map(x -> and(x.served(), eq(x.server(), server))).toList();
            addEach("server", s, "packets", "frames sent to this server", served, null);
            addEach("server", s, "bytes", "bytes sent to this server", served, bytes);
            add("server", s, "new_flows", "connections assigned to this server", decision.statServerNewFlow.get(s), null);
            add("server", s, "syns", "client SYNs sent to this server", bit(decision.statServerSyn, s), null);
            add("server", s, "syn_acks", "SYN-ACKs this server sent back", bit(decision.statServerSynAck, s), null);
            add("server", s, "suspects", "passive health windows that ended with this server suspect",
                    health.statSuspect.get(s), null);
        }
        for (int r = 0; r < hw.maxRouters(); r++) {
            add("router", r, "failovers", "frames for this router, down, sent to another router",
                    decision.statRouterFailover.get(r), null);
            add("router", r, "takeovers", "frames this router got in place of a down one",
                    decision.statRouterTakeover.get(r), null);
        }
    }

    /** The late error an aborted frame counts under, for the drop reasons that have one. */
    private static Optional<FrameStatus> lateStatus(DropReason r) {
        return switch (r) {
            case OVERSIZE -> Optional.of(FrameStatus.OVERSIZE);
            case RX_ERROR -> Optional.of(FrameStatus.RX_ERROR);
            case PARSE_ERROR -> Optional.of(FrameStatus.PARSE_ERROR);
            default -> Optional.empty();
        };
    }

    /**
     * A counter of several sources that may pulse in the same cycle: it adds, per pulsing source, its amount (null:
     * one each), so no event is lost.
     */
    private void addEach(String group, int index, String name, String doc, List<Bool> pulses, List<UInt> amounts) {
        int width = (amounts == null ? 1 : amounts.get(0).getBitsWidth()) + log2Up(pulses.size() + 1);
        UInt total = u(0, width);
        for (int k = 0; k < pulses.size(); k++) {
            UInt each = amounts == null ? u(1, width) : resize(amounts.get(k), width);
            total = Hw.add(total, mux(pulses.get(k), each, u(0, width)));
        }
        add(group, index, name, doc, or(pulses.toArray(Bool[]::new)), total);
    }

    private void add(String group, int index, String name, String doc, Bool inc, UInt amount) {
        events.add(new Event(group, index, name, doc, inc, amount));
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    /** The counters as the control plane declares them: those with an amount add it, the others count events. */
    List<CounterSpec> specs() {
        return events.stream().map(e -> new CounterSpec(e.group(), e.index(), e.name(),
                e.amount() == null ? 1 : e.amount().getBitsWidth(), e.doc())).toList();
    }
}
