package flowswitch.hdl.control;

import flowswitch.config.HardwareParams;
import flowswitch.hdl.control.regs.CounterDef;
import flowswitch.hdl.control.regs.RegisterGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One 64-bit counter of the control plane: where it is filed ({@code group}, {@code index}, -1 for groups without
 * one), its name, and how much one event adds: {@code amountWidth} 1 counts events, wider adds the
 * {@code stat_..._amount} input on each {@code stat_..._inc}.
 */
public record CounterSpec(String group, int index, String name, int amountWidth, String doc) {
    public static final int MAX_AMOUNT_WIDTH = 32;
    /** Byte counters add a frame's length, which 16 bits hold for any Ethernet frame. */
    public static final int BYTE_AMOUNT_WIDTH = 16;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    /** @throws IllegalArgumentException naming the counter and what is wrong with it */
    public CounterSpec {
        RegisterGroup g = RegisterGroup.fromJsonName(group);
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("counter name '" + name + "' in group " + group
                    + " must be lower case letters, digits and _ (e.g. rx_packets)");
        }
        g.checkIndex("counter " + name, index);
        if (amountWidth < 1 || amountWidth > MAX_AMOUNT_WIDTH) {
            throw new IllegalArgumentException("counter " + group + "." + name + ": amountWidth " + amountWidth
                    + " is outside 1.." + MAX_AMOUNT_WIDTH + " (1 counts events)");
        }
        if (doc == null) throw new IllegalArgumentException("counter " + group + "." + name + " needs a doc (may be empty)");
    }

    public static CounterSpec events(String group, int index, String name, String doc) {
        return new CounterSpec(group, index, name, 1, doc);
    }

    public static CounterSpec bytes(String group, int index, String name, String doc) {
        return new CounterSpec(group, index, name, BYTE_AMOUNT_WIDTH, doc);
    }

    public RegisterGroup registerGroup() {
        return RegisterGroup.fromJsonName(group);
    }

    /** True when every inc adds one (no amount input). */
    public boolean countsEvents() {
        return amountWidth == 1;
    }

    /** {@code port0_rx_packets}, {@code flow_hits}: the middle of the stat_* input names. */
    public String stem() {
        return CounterDef.stem(registerGroup(), index, name).toLowerCase(Locale.ROOT);
    }

    /** The counters of docs/datapath.md "Counters", in register-map order. */
    public static List<CounterSpec> standard(HardwareParams hw) {
        List<CounterSpec> all = new ArrayList<>();
        for (int p = 0; p < hw.ports(); p++) {
            all.add(events("port", p, "rx_packets", "frames received, dropped ones too"));
            all.add(bytes("port", p, "rx_bytes", "bytes received, dropped frames too"));
            all.add(events("port", p, "tx_packets", "frames sent"));
            all.add(bytes("port", p, "tx_bytes", "bytes sent"));
            all.add(events("port", p, "drops", "frames received on this port and dropped, any reason"));
        }
        all.add(events("drop", -1, "oversize", "frames longer than max_frame_bytes"));
        all.add(events("drop", -1, "rx_error", "frames the MAC marked bad (tuser)"));
        all.add(events("drop", -1, "parse_error", "runt, truncated or malformed frames"));
        all.add(events("drop", -1, "no_server", "service frames with no eligible server"));
        all.add(events("drop", -1, "no_service", "frames for the switch MAC that matched no service"));
        all.add(events("drop", -1, "filtered", "frames whose destination is on their ingress port"));
        all.add(events("drop", -1, "vip_arp", "ARP about a VIP from a server port with only uplinks to go to"));
        all.add(events("drop", -1, "server_down", "frames of a down server's connection its service refuses"));
        all.add(events("drop", -1, "no_router", "frames for a down router while no router is up"));
        all.add(events("flow", -1, "hits", "service frames of a known connection"));
        all.add(events("flow", -1, "misses", "service frames of a new connection"));
        all.add(events("flow", -1, "inserts", "connections written into the flow table"));
        all.add(events("flow", -1, "insert_fail", "new connections that found their rows and the stash taken"));
        all.add(events("flow", -1, "reassigns", "connections moved off a server that went down"));
        all.add(events("flow", -1, "stash_inserts", "connections inserted into the stash"));
        all.add(events("flow", -1, "relocations", "entries the relocator moved"));
        all.add(new CounterSpec("flow", -1, "aged_out", 3, "connections removed after their idle timeout"));
        all.add(new CounterSpec("flow", -1, "deleted", 3, "connections removed by the host"));
        for (int s = 0; s < hw.maxServices(); s++) {
            all.add(events("service", s, "packets", "frames forwarded for this service"));
            all.add(bytes("service", s, "bytes", "bytes forwarded for this service"));
            all.add(events("service", s, "arp_replies", "ARP requests for this service's VIP the switch answered"));
        }
        for (int s = 0; s < hw.maxServers(); s++) {
            all.add(events("server", s, "packets", "frames sent to this server"));
            all.add(bytes("server", s, "bytes", "bytes sent to this server"));
            all.add(events("server", s, "new_flows", "connections assigned to this server"));
            all.add(events("server", s, "syns", "client SYNs sent to this server"));
            all.add(events("server", s, "syn_acks", "SYN-ACKs this server sent back"));
            all.add(events("server", s, "suspects", "passive health windows that ended with this server suspect"));
        }
        for (int r = 0; r < hw.maxRouters(); r++) {
            all.add(events("router", r, "failovers", "frames for this router, down, sent to another"));
            all.add(events("router", r, "takeovers", "frames this router got in place of a down one"));
        }
        return List.copyOf(all);
    }
}
