package flowswitch.hdl.decision;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.hdl.dsl.BitLayout;
import flowswitch.hdl.dsl.Hw;
import flowswitch.hdl.dsl.HwComponent;
import flowswitch.hdl.flowtable.FlowKey;
import flowswitch.hdl.flowtable.WayHash;
import java.util.ArrayList;
import java.util.List;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.Mem;
import spinal.core.UInt;
import spinal.core.Vec;
import spinal.core.dontCare$;

/**
 * The services' Maglev tables (docs/datapath.md "Maglev") in one block RAM, two copies per service: lookups read the
 * committed one, the host writes the staged one row by row, and a commit swaps them, so a lookup sees one whole table.
 * A lookup reads the RAM in the cycle the decision unit takes a frame ({@code lookupIssue}, with the flow key) and
 * {@code server} holds the entry's server slot from the next cycle until the next lookup.
 * <p>
 * The host side: {@code hostLoad} takes {@code hostService} and {@code hostRow}; each {@code hostWrite} stores
 * {@code hostData} as that row of the service's staged table and moves to the next row; {@code hostCommit} swaps.
 */
public final class MaglevLookup extends HwComponent {
    public final Bool lookupIssue = in(bool());
    public final Bits lookupKey;
    public final UInt server;
    public final Bool hostLoad = in(bool());
    public final UInt hostService;
    public final UInt hostRow = in(uint(16));
    public final Bool hostWrite = in(bool());
    public final Bits hostData = in(bits(MaglevLookupConfig.WRITE_BITS));
    public final Bool hostCommit = in(bool());

    /** Per service: which copy lookups read, and whether any table was committed (before that, entries read 0). */
    final Vec<Bool> committedCopy;
    final Vec<Bool> committed;
    final UInt loadService;
    final UInt loadRow;

    public MaglevLookup(MaglevLookupConfig cfg) {
        int services = cfg.services();
        int vb = cfg.serviceBits();
        int rb = cfg.rowBits();
        int word = cfg.entriesPerRow() * cfg.entryBits();
        lookupKey = in(bits(cfg.keyWidth()));
        server = out(uint(cfg.entryBits()));
        hostService = in(uint(vb));
        committedCopy = initEach(reg(() -> vec(Hw::bool, services)), Hw::FALSE);
        committed = initEach(reg(() -> vec(Hw::bool, services)), Hw::FALSE);
        loadService = regUInt(vb, 0);
        loadRow = regUInt(rb, 0);
        // Rows of a table padded to a power of two, so an address is (copy, service, row) side by side.
        Mem<Bits> ram = named(mem(() -> bits(word), 2 << (vb + rb)), "tables");

        BitLayout key = FlowKey.layout(vb);
        UInt hash = WayHash.maglev(cfg.keyWidth()).rowOfMixed(WayHash.mix(lookupKey));
        // (H × M) >> 32 maps the 32-bit hash onto 0..M-1 without a modulo.
        UInt index = resize(slice(mul(hash, u(cfg.tableSize(), cfg.indexBits())), 32, cfg.indexBits()), cfg.indexBits());
        UInt lookupService = key.getUInt(lookupKey, "service");
        UInt lookupRow = resize(slice(index, cfg.laneBits(), cfg.indexBits() - cfg.laneBits()), rb);
        Bool copy = element(committedCopy, lookupService);
        UInt address = asUInt(cat(cat(asBits(copy), asBits(lookupService)), asBits(lookupRow)));
        Bits read = ram.readWriteSync(address, b(0, word), lookupIssue, FALSE(), null, dontCare$.MODULE$, false,
                dontCare$.MODULE$);
        UInt lane = reg(() -> uint(Math.max(1, cfg.laneBits())));
        Bool loaded = regBool(false);
        when(lookupIssue, () -> {
            assign(lane, cfg.laneBits() == 0 ? u(0, 1) : resize(index, cfg.laneBits()));
            assign(loaded, element(committed, lookupService));
        });
        List<UInt> entries = new ArrayList<>();
        for (int k = 0; k < cfg.entriesPerRow(); k++) entries.add(asUInt(slice(read, k * cfg.entryBits(), cfg.entryBits())));
        UInt entry = cfg.entriesPerRow() == 1 ? entries.get(0) : element(vecOf(entries), lane);
        assign(server, mux(loaded, entry, u(0, cfg.entryBits())));

        when(hostLoad, () -> {
            assign(loadService, hostService);
            assign(loadRow, resize(hostRow, rb));
        });
        Bool staged = not(element(committedCopy, loadService));
        UInt writeAddress = asUInt(cat(cat(asBits(staged), asBits(loadService)), asBits(loadRow)));
        ram.readWriteSync(writeAddress, resize(hostData, word), hostWrite, hostWrite, null, dontCare$.MODULE$, false,
                dontCare$.MODULE$);
        when(hostWrite, () -> assign(loadRow, add(loadRow, 1)));
        when(hostCommit, () -> {
            assign(element(committedCopy, loadService), staged);
            assign(element(committed, loadService), TRUE());
        });
    }
}
