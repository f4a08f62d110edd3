package flowswitch.hdl.control;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.hdl.control.regs.RegisterBuilder;
import flowswitch.hdl.control.regs.RegisterDeclarer;
import flowswitch.hdl.control.regs.RegisterGroup;
import flowswitch.hdl.dsl.BitLayout;
import flowswitch.hdl.flowtable.FlowKind;
import flowswitch.hdl.flowtable.FlowTableConfig;
import flowswitch.hdl.flowtable.HostOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.UInt;

/**
 * The flow table's registers (docs/register-map.md "Flow table"): aging settings, and the host's commands on single
 * entries. A command is one write to FLOW_CMD (one pulse bit per command) after FLOW_KEY_* / FLOW_SERVER /
 * FLOW_LOCATION are set; FLOW_STATUS.busy falls when its results are in FLOW_RESULT_*. The ports live in the
 * {@link ControlPlane}; {@link flowswitch.hdl.top.FlowSwitch} wires them to the flow table.
 */
public record FlowTableRegisters(Bool start, Bits op, Bits key, UInt server, UInt location, UInt tickCycles,
                                 List<UInt> timeouts, Bool busy, Bool found, Bool fail, Bool flushBusy,
                                 UInt resultLocation, Bits resultEntry, UInt resultIdle, UInt stashOccupancy) {

    /** Creates the ports in the component being built (the control plane) and declares the registers behind them. */
    static FlowTableRegisters declare(RegisterDeclarer regs, FlowTableConfig cfg) {
        FlowTableRegisters ports = new FlowTableRegisters(named(out(bool()), "cmd_flow_start"),
                named(out(bits(HostOp.WIDTH)), "cmd_flow_op"), named(out(cfg.keyLayout().newBits()), "cfg_flow_key"),
                named(out(uint(cfg.valueWidth())), "cfg_flow_server"),
                named(out(uint(cfg.locationWidth())), "cfg_flow_location"), named(out(uint(32)), "cfg_flow_tick_cycles"),
                timeoutPorts(cfg), named(in(bool()), "stat_flow_cmd_busy"), named(in(bool()), "stat_flow_found"),
                named(in(bool()), "stat_flow_fail"), named(in(bool()), "stat_flow_flush_busy"),
                named(in(uint(cfg.locationWidth())), "stat_flow_result_location"),
                named(in(cfg.entryLayout().newBits()), "stat_flow_result_entry"),
                named(in(uint(cfg.timeWidth())), "stat_flow_result_idle"),
                named(in(uint(bitsFor(cfg.stashEntries()))), "stat_flow_stash_occupancy"));
        ports.declareRegisters(regs, cfg);
        return ports;
    }

    private static List<UInt> timeoutPorts(FlowTableConfig cfg) {
        List<UInt> timeouts = new ArrayList<>();
        for (FlowKind kind : FlowKind.values()) {
            timeouts.add(named(out(uint(cfg.timeWidth())), "cfg_flow_timeout_" + kind.name().toLowerCase(Locale.ROOT)));
        }
        return List.copyOf(timeouts);
    }

    private void declareRegisters(RegisterDeclarer regs, FlowTableConfig cfg) {
        RegisterGroup flow = RegisterGroup.FLOW;
        regs.register("FLOW_LOCATIONS", "Entries a dump walks: the ways' entries, then the stash's", flow, -1)
                .constant("value", 0, 32, cfg.entries() + cfg.stashEntries(), "locations 0.." +
                        (cfg.entries() + cfg.stashEntries() - 1) + "; from " + cfg.entries() + " on, the stash");
        assign(regs.register("FLOW_STASH_OCCUPANCY", "Live entries in the stash", flow, -1)
                .readOnly("value", 0, stashOccupancy.getBitsWidth(), "entries in use, 0.." + cfg.stashEntries()),
                asBits(stashOccupancy));
        assign(tickCycles, asUInt(regs.register("FLOW_TICK_CYCLES", "Clock cycles per aging tick", flow, -1)
                .readWrite("value", 0, 32, 0, "0 stops aging; fsctl apply sets clock_hz / 10 (100 ms ticks)")));
        for (FlowKind kind : FlowKind.values()) {
            String name = "FLOW_TIMEOUT_" + kind.name();
            assign(timeouts.get(kind.code()), asUInt(regs.register(name, "Idle timeout of " + describe(kind), flow, -1)
                    .readWrite("value", 0, cfg.timeWidth(), 0, "ticks; 0 never ages out")));
        }

        BitLayout keyLayout = cfg.keyLayout();
        RegisterBuilder keyIp = regs.register("FLOW_KEY_IP", "Command key: client IPv4 address", flow, -1);
        RegisterBuilder keyPorts = regs.register("FLOW_KEY_PORTS", "Command key: L4 ports", flow, -1);
        RegisterBuilder keyProto = regs.register("FLOW_KEY_PROTO", "Command key: protocol and service", flow, -1);
        // regif wants a register's fields in ascending bit order.
        Bits vipPort = keyPorts.readWrite("vip_port", 0, 16, 0, "VIP (destination) port");
        keyLayout.assignAll(key, Map.of(
                "src_ip", keyIp.readWrite("value", 0, 32, 0, "client IP, first octet in bits 31:24"),
                "src_port", keyPorts.readWrite("client_port", 16, 16, 0, "client (source) port"),
                "dst_port", vipPort,
                "proto", keyProto.readWrite("proto", 0, 8, 0, "IP protocol (6 TCP, 17 UDP)"),
                "service", keyProto.readWrite("service", 8, keyLayout.field("service").width(), 0, "service slot")));
        assign(server, asUInt(regs.register("FLOW_SERVER", "Command: server slot to insert", flow, -1)
                .readWrite("value", 0, cfg.valueWidth(), 0, "server slot")));
        assign(location, asUInt(regs.register("FLOW_LOCATION", "Command: location to read", flow, -1)
                .readWrite("value", 0, cfg.locationWidth(), 0, "0..FLOW_LOCATIONS-1")));

        RegisterBuilder cmd = regs.register("FLOW_CMD", "Start a command on one entry (one bit at a time)", flow, -1);
        List<Bool> pulses = new ArrayList<>();
        for (HostOp op : HostOp.values()) {
            pulses.add(cmd.pulse(op.name().toLowerCase(Locale.ROOT), op.code() - 1, describe(op)));
        }
        assign(start, or(pulses.toArray(Bool[]::new)));
        assign(op, b(0, HostOp.WIDTH));
        for (HostOp o : HostOp.values()) {
            when(pulses.get(o.code() - 1), () -> assign(op, b(o.code(), HostOp.WIDTH)));
        }

        RegisterBuilder status = regs.register("FLOW_STATUS", "Command and flush state", flow, -1);
        assign(status.readOnly("busy", 0, 1, "1 while a command runs; FLOW_RESULT_* are valid when 0"), asBits(busy));
        assign(status.readOnly("found", 1, 1, "READ: the location holds an entry; LOOKUP/INSERT/DELETE: the key was"
                + " in the table"), asBits(found));
        assign(status.readOnly("fail", 2, 1, "INSERT: no room in the key's rows nor in the stash"), asBits(fail));
        assign(status.readOnly("flush_busy", 3, 1, "1 while FLOW_FLUSH empties the table"), asBits(flushBusy));
        assign(regs.register("FLOW_RESULT_LOCATION", "Result: where the entry is (or went)", flow, -1)
                .readOnly("value", 0, cfg.locationWidth(), "location"), asBits(resultLocation));

        BitLayout entry = cfg.entryLayout();
        Bits resultKey = entry.get(resultEntry, "key");
        assign(regs.register("FLOW_RESULT_KEY_IP", "Result key: client IPv4 address", flow, -1)
                .readOnly("value", 0, 32, "client IP"), keyLayout.get(resultKey, "src_ip"));
        RegisterBuilder resultPorts = regs.register("FLOW_RESULT_KEY_PORTS", "Result key: L4 ports", flow, -1);
        assign(resultPorts.readOnly("vip_port", 0, 16, "VIP port"), keyLayout.get(resultKey, "dst_port"));
        assign(resultPorts.readOnly("client_port", 16, 16, "client port"), keyLayout.get(resultKey, "src_port"));
        RegisterBuilder resultProto = regs.register("FLOW_RESULT_KEY_PROTO", "Result key: protocol and service", flow, -1);
        assign(resultProto.readOnly("proto", 0, 8, "IP protocol"), keyLayout.get(resultKey, "proto"));
        assign(resultProto.readOnly("service", 8, keyLayout.field("service").width(), "service slot"),
                keyLayout.get(resultKey, "service"));
        RegisterBuilder resultEntryReg = regs.register("FLOW_RESULT_ENTRY", "Result entry", flow, -1);
        assign(resultEntryReg.readOnly("server", 0, cfg.valueWidth(), "server slot"), entry.get(resultEntry, "value"));
        assign(resultEntryReg.readOnly("kind", 16, FlowKind.WIDTH, "0 TCP, 1 TCP after FIN/RST, 2 UDP"),
                entry.get(resultEntry, "kind"));
        assign(resultEntryReg.readOnly("valid", 31, 1, "1: an entry"), entry.get(resultEntry, "valid"));
        assign(regs.register("FLOW_RESULT_IDLE", "Result: ticks since the entry last saw a frame", flow, -1)
                .readOnly("value", 0, cfg.timeWidth(), "ticks"), asBits(resultIdle));
    }

    private static String describe(FlowKind kind) {
        return switch (kind) {
            case TCP_ESTABLISHED -> "TCP connections";
            case TCP_CLOSING -> "TCP connections after FIN or RST";
            case UDP -> "UDP flows";
        };
    }

    private static String describe(HostOp op) {
        return switch (op) {
            case READ -> "write 1: read the entry at FLOW_LOCATION";
            case LOOKUP -> "write 1: find the FLOW_KEY_* connection";
            case INSERT -> "write 1: store FLOW_KEY_* -> FLOW_SERVER";
            case DELETE -> "write 1: remove the FLOW_KEY_* connection";
        };
    }
}
