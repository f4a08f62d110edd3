package flowswitch.hdl.control;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.hdl.control.regs.RegisterBuilder;
import flowswitch.hdl.control.regs.RegisterDeclarer;
import flowswitch.hdl.control.regs.RegisterGroup;
import flowswitch.hdl.decision.MaglevLookupConfig;
import java.util.ArrayList;
import java.util.List;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.UInt;

/**
 * The schedulers' registers (docs/register-map.md): loading the Maglev tables ({@code MH_*}) and each server slot's
 * active connections ({@code SERVER<i>_CONNECTIONS}). The ports live in the {@link ControlPlane};
 * {@link flowswitch.hdl.top.FlowSwitch} wires them to the Maglev lookup and the connection counts.
 */
public record SchedulerRegisters(Bool maglevLoad, UInt maglevService, UInt maglevRow, Bool maglevWrite, Bits maglevData,
                                 Bool maglevCommit, List<UInt> connections) {

    /** Creates the ports in the component being built (the control plane) and declares the registers behind them. */
    static SchedulerRegisters declare(RegisterDeclarer regs, MaglevLookupConfig maglev, int connectionBits) {
        List<UInt> connections = new ArrayList<>();
        for (int s = 0; s < maglev.servers(); s++) {
            connections.add(named(in(uint(connectionBits)), "stat_server_" + s + "_connections"));
        }
        SchedulerRegisters ports = new SchedulerRegisters(named(out(bool()), "cmd_maglev_load"),
                named(out(uint(maglev.serviceBits())), "cfg_maglev_service"), named(out(uint(16)), "cfg_maglev_row"),
                named(out(bool()), "cmd_maglev_write"), named(out(bits(MaglevLookupConfig.WRITE_BITS)), "cfg_maglev_data"),
                named(out(bool()), "cmd_maglev_commit"), List.copyOf(connections));
        ports.declareRegisters(regs, maglev);
        return ports;
    }

    private void declareRegisters(RegisterDeclarer regs, MaglevLookupConfig maglev) {
        RegisterGroup table = RegisterGroup.SERVICE_TABLE;
        RegisterBuilder load = regs.register("MH_LOAD", "Maglev table loading: where the next MH_DATA goes", table, -1);
        Bits row = load.readWrite("row", 0, 16, 0, "row of the staged table, 0.." + (maglev.rows() - 1));
        Bits service = load.readWrite("service", 16, 8, 0, "service slot whose staged table is loaded");
        RegisterBuilder data = regs.register("MH_DATA", "Maglev table loading: one row of entries", table, -1);
        Bits entries = data.readWrite("value", 0, MaglevLookupConfig.WRITE_BITS, 0, "entry row x "
                + maglev.entriesPerRow() + " + k in bits " + maglev.entryBits() + "k up; the row then advances by one");
        regs.register("MH_ENTRIES_PER_ROW", "Maglev entries per MH_DATA write", table, -1)
                .constant("value", 0, 32, maglev.entriesPerRow(), "entries of " + maglev.entryBits() + " bits");
        assign(maglevCommit, regs.register("MH_COMMIT", "Maglev table loading: switch to the staged table", table, -1)
                .pulse("commit", 0, "write 1: lookups of MH_LOAD.service use its staged table from now on"));
        // A written field holds its new value from the cycle after the write, so the commands follow one cycle late.
        assign(maglevLoad, regNext(load.written(), FALSE()));
        assign(maglevService, resize(asUInt(service), maglevService.getBitsWidth()));
        assign(maglevRow, asUInt(row));
        assign(maglevWrite, regNext(data.written(), FALSE()));
        assign(maglevData, entries);
        for (int s = 0; s < connections.size(); s++) {
            assign(regs.register("SERVER" + s + "_CONNECTIONS", "Active connections of server slot " + s,
                    RegisterGroup.SERVER, s).readOnly("value", 0, connections.get(s).getBitsWidth(),
                    "flow table entries that hold the slot"), asBits(connections.get(s)));
        }
    }
}
