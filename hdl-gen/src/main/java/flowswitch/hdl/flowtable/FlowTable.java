package flowswitch.hdl.flowtable;

import static flowswitch.hdl.dsl.Hw.*;

import flowswitch.hdl.dsl.BitLayout;
import flowswitch.hdl.dsl.HwComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.Mem;
import spinal.core.UInt;
import spinal.core.Vec;
import spinal.core.dontCare$;

/**
 * The connection table of docs/datapath.md "Flow table": {@code ways} block RAMs, each indexed by its own hash of the
 * key and holding {@code slotsPerRow} entries per row, plus a small fully associative stash in registers. Each RAM has two ports: port A serves the decision unit,
 * port B a background engine that relocates stash entries into the ways (cuckoo moves), sweeps out idle connections,
 * flushes, and runs the host's read/lookup/insert/delete commands.
 * <p>
 * Timing is what keeps it exact without forwarding paths: a lookup reads the RAMs in the cycle the decision unit
 * takes a frame ({@code lookupIssue}) and compares the stash when it decides; every change to RAMs and stash lands at
 * the edge where that decision commits ({@code commit}). The engine reads in the same cycle as the lookup and writes
 * at the same edge, so both see the same state, and when both would write one entry the datapath wins and the engine
 * retries. When the decision unit is idle the engine steps alone, and holds off the next lookup for the one cycle
 * its write is pending ({@code issueBlocked}).
 */
public final class FlowTable extends HwComponent {
    private static final int JOB_HOST = 0;
    private static final int JOB_MOVE = 1;
    private static final int JOB_SWEEP = 2;

    // ---- datapath: lookup (a handshake: it starts when lookupIssue is high and issueBlocked low), then commit
    public final Bool lookupIssue = in(bool());
    public final Bits lookupKey;
    public final Bool datapathBusy = in(bool());
    public final Bool issueBlocked = out(bool());
    public final Bool hit = out(bool());
    public final UInt hitValue;
    public final Bits hitKind = out(bits(FlowKind.WIDTH));
    public final Bool canInsert = out(bool());
    public final Bool commit = in(bool());
    /** With {@code commit}: store the looked-up connection (refresh a hit, insert a miss when there is room). */
    public final Bool commitWrite = in(bool());
    public final UInt commitValue;
    public final Bits commitKind = in(bits(FlowKind.WIDTH));

    // ---- host commands, flush and aging settings
    public final Bool hostStart = in(bool());
    public final Bits hostOp = in(bits(HostOp.WIDTH));
    public final Bits hostKey;
    public final UInt hostValue;
    public final UInt hostLocation;
    public final Bool hostBusy = out(bool());
    public final Bool hostFound = out(regBool(false));
    public final Bool hostFail = out(regBool(false));
    public final UInt hostResultLocation;
    public final Bits hostResultEntry;
    public final UInt hostResultIdle;
    public final Bool flush = in(bool());
    public final Bool flushBusy = out(bool());
    public final UInt cfgTickCycles = in(uint(32));
    /** Idle timeout in ticks per {@link FlowKind} code; 0 never ages out. */
    public final Vec<UInt> cfgTimeout;

    // ---- status
    public final UInt statOccupancy;
    public final UInt statStashOccupancy;
    public final Bool statStashInsert = out(bool());
    public final Bool statAgedOutInc = out(bool());
    public final UInt statAgedOutAmount;
    public final Bool statDeletedInc = out(bool());
    public final UInt statDeletedAmount;
    public final Bool statRelocation = out(bool());

    // ---- entry events, for the per-server connection counts: lane i valid with the server slot of the entry that was
    // stored (datapath, host) or that left (datapath overwrite, then each way candidate and the stash in an engine step)
    public final List<Bool> evStored = new ArrayList<>();
    public final List<UInt> evStoredServer = new ArrayList<>();
    public final List<Bool> evLeft = new ArrayList<>();
    public final List<UInt> evLeftServer = new ArrayList<>();

    final UInt now;
    final Vec<Bits> stash;
    final Bool enginePending = regBool(false);
    final UInt engineJob = regUInt(2, 0);
    final UInt engineSlot;
    final UInt sweepRow;
    /** Block RAM holds no reset: after reset the sweeper clears every row before the first lookup. */
    final Bool clearing = regBool(true);
    final Bool flushing = regBool(true);
    /** A flush asked for and not yet begun: it begins with the next engine step, so every step is all in or out. */
    final Bool flushPending = regBool(false);
    final Bool sweepTurn = regBool(false);
    /** Aging needs one pass over the rows per tick; until it is done, the sweeper shares the engine with the relocator. */
    final Bool sweepDue = regBool(false);
    final UInt moverSlot;
    final UInt moverKicks;
    final UInt moverVictim;
    final UInt occupancy;

    private final FlowTableConfig cfg;
    private final BitLayout entry;
    // What one engine step sees and decides; fields so the job builders share them.
    private final List<Bits> engineRead = new ArrayList<>();
    private final List<UInt> engineRows = new ArrayList<>();
    private Bool engineCommit;
    private Bits engineFree;
    private Bits wayConflict;
    private Bits dpStashWrite;
    private Bits stashFree;
    private Bits engineWrite;
    private Bits engineData;
    private Bits engineStashWrite;
    private Bits engineStashData;
    private UInt removed;

    public FlowTable(FlowTableConfig cfg) {
        this.cfg = cfg;
        this.entry = cfg.entryLayout();
        int ways = cfg.ways();
        int rowBits = cfg.indexWidth();
        int stashSize = cfg.stashEntries();
        int tw = cfg.timeWidth();

        lookupKey = in(bits(cfg.keyWidth()));
        hitValue = out(uint(cfg.valueWidth()));
        commitValue = in(uint(cfg.valueWidth()));
        hostKey = in(bits(cfg.keyWidth()));
        hostValue = in(uint(cfg.valueWidth()));
        hostLocation = in(uint(cfg.locationWidth()));
        hostResultLocation = out(regUInt(cfg.locationWidth(), 0));
        hostResultEntry = out(regBits(entry.width(), 0));
        hostResultIdle = out(regUInt(tw, 0));
        cfgTimeout = in(vec(() -> uint(tw), 3));
        statOccupancy = out(uint(cfg.countWidth()));
        statStashOccupancy = out(uint(bitsFor(stashSize)));
        statAgedOutAmount = out(uint(bitsFor(cfg.candidates() + 1)));
        statDeletedAmount = out(uint(bitsFor(cfg.candidates() + 1)));
        now = regUInt(tw, 0);
        stash = initEach(reg(() -> vec(entry::newBits, stashSize)), () -> b(0, entry.width()));
        engineSlot = regUInt(log2Up(stashSize), 0);
        sweepRow = regUInt(rowBits, 0);
        moverSlot = regUInt(log2Up(stashSize), 0);
        moverKicks = regUInt(bitsFor(cfg.maxKicks()), 0);
        moverVictim = regUInt(log2Up(cfg.candidates()), 0);
        occupancy = regUInt(cfg.countWidth(), 0);

        // ---- the aging clock: one tick every cfgTickCycles cycles (0 stops it)
        UInt prescaler = regUInt(32, 0);
        Bool ticking = neq(cfgTickCycles, u(0, 32));
        Bool tick = and(ticking, ge(add(prescaler, 1), cfgTickCycles));
        assign(prescaler, mux(tick, u(0, 32), add(prescaler, 1)));
        when(tick, () -> assign(now, add(now, 1)));
        Bool agingOn = and(ticking, or(neq(cfgTimeout.apply(0), u(0, tw)), neq(cfgTimeout.apply(1), u(0, tw)),
                neq(cfgTimeout.apply(2), u(0, tw))));
        when(and(tick, agingOn), () -> assign(sweepDue, true));

        Bits stashValid = bits(stashSize);
        for (int s = 0; s < stashSize; s++) assign(bit(stashValid, s), entry.getBool(stash.apply(s), "valid"));
        stashFree = invert(stashValid);

        // ---- the engine's schedule (see the class comment)
        assign(issueBlocked, or(clearing, and(enginePending, not(datapathBusy))));
        Bool issue = and(lookupIssue, not(issueBlocked));
        Bool engineIssue = and(not(enginePending), or(issue, not(datapathBusy)));
        engineCommit = and(enginePending, or(not(datapathBusy), commit));
        when(engineIssue, () -> assign(enginePending, true)).elseWhen(engineCommit, () -> assign(enginePending, false));

        Bool hostPending = regBool(false);
        HostCommand held = new HostCommand(reg(() -> bits(HostOp.WIDTH)), reg(() -> bits(cfg.keyWidth())),
                reg(() -> uint(cfg.valueWidth())), reg(() -> uint(cfg.locationWidth())),
                reg(() -> bits(FlowKind.WIDTH)));
        when(and(hostStart, not(hostPending)), () -> {
            assign(hostPending, true);
            assign(held.op(), hostOp);
            assign(held.key(), hostKey);
            assign(held.value(), hostValue);
            assign(held.location(), hostLocation);
            // A host-inserted connection ages by its protocol, as one the datapath inserts.
            assign(held.kind(), FlowKind.of(cfg.keyLayout().get(hostKey, "proto"), FALSE()));
        });
        assign(hostBusy, hostPending);
        assign(flushBusy, or(flushing, flushPending));

        // Job for the step being issued: host first, then a flush, then relocation and aging taking turns.
        Bool stashUsed = orReduce(stashValid);
        UInt job = mux(and(hostPending, not(clearing)), u(JOB_HOST, 2), mux(or(flushing, flushPending), u(JOB_SWEEP, 2),
                mux(and(stashUsed, or(not(sweepTurn), not(sweepDue))), u(JOB_MOVE, 2), u(JOB_SWEEP, 2))));
        UInt carrySlot = firstSetFrom(stashValid, moverSlot);
        Bits carryKey = entry.get(element(stash, carrySlot), "key");
        when(and(engineIssue, flushPending, not(and(hostPending, not(clearing)))), () -> {
            assign(flushing, true);
            assign(flushPending, false);
        });
        when(engineIssue, () -> {
            assign(engineJob, job);
            assign(engineSlot, carrySlot);
            when(and(stashUsed, sweepDue, not(hostPending), not(flushing)), () -> assign(sweepTurn, not(sweepTurn)));
        });

        // ---- the RAMs: port A for lookups, port B for the engine. A write rewrites a whole row: the slots it does not
        // change come from the same row as read at issue, which nothing else can have changed since (see above).
        int cands = cfg.candidates();
        Bits newEntry = entry.newBits();
        engineData = entry.newBits();
        Bits dpWrite = bits(cands);
        engineWrite = bits(cands);
        Bits engineWriteNow = bits(cands);
        List<UInt> dpRows = new ArrayList<>();
        List<Bits> dpRead = new ArrayList<>();
        // Each key is mixed once for all ways (WayHash: the non-linear step before the per-way H3).
        Bits lookupMixed = WayHash.mix(lookupKey);
        Bits carryMixed = WayHash.mix(carryKey);
        Bits hostMixed = WayHash.mix(held.key());
        for (int w = 0; w < ways; w++) {
            WayHash hash = WayHash.of(w, cfg);
            Mem<Bits> ram = named(mem(() -> bits(cfg.slotsPerRow() * entry.width()), cfg.depth()), "way" + w);
            UInt lookupRow = hash.rowOfMixed(lookupMixed);
            UInt dpRow = reg(() -> uint(rowBits));
            when(issue, () -> assign(dpRow, lookupRow));
            Bits dpWord = bits(cfg.slotsPerRow() * entry.width());
            Bool dpWriteWay = orReduce(slotsOf(dpWrite, w));
            Bits dpReadWord = ram.readWriteSync(mux(dpWriteWay, dpRow, lookupRow), dpWord, or(issue, dpWriteWay),
                    dpWriteWay, null, dontCare$.MODULE$, false, dontCare$.MODULE$);
            List<Bits> dpSlots = split(dpReadWord);
            assign(dpWord, join(dpSlots, slotsOf(dpWrite, w), newEntry));
            dpRead.addAll(dpSlots);
            dpRows.add(dpRow);

            UInt hostRow = mux(eq(held.op(), HostOp.READ.code()),
                    slice(held.location(), log2Exact(cfg.slotsPerRow()), rowBits), hash.rowOfMixed(hostMixed));
            UInt issueRow = mux(eq(job, JOB_SWEEP), mux(flushPending, u(0, rowBits), sweepRow),
                    mux(eq(job, JOB_MOVE), hash.rowOfMixed(carryMixed), hostRow));
            UInt engineRow = reg(() -> uint(rowBits));
            when(engineIssue, () -> assign(engineRow, issueRow));
            Bits engineWord = bits(cfg.slotsPerRow() * entry.width());
            Bool engineWriteWay = orReduce(slotsOf(engineWriteNow, w));
            Bits engineReadWord = ram.readWriteSync(mux(engineWriteWay, engineRow, issueRow), engineWord,
                    or(engineIssue, engineWriteWay), engineWriteWay, null, dontCare$.MODULE$, false, dontCare$.MODULE$);
            List<Bits> engineSlots = split(engineReadWord);
            assign(engineWord, join(engineSlots, slotsOf(engineWriteNow, w), engineData));
            engineRead.addAll(engineSlots);
            engineRows.add(engineRow);
        }

        // ---- lookup result, valid from the cycle after lookupIssue until commit
        Bits dpKey = reg(() -> bits(cfg.keyWidth()));
        when(issue, () -> assign(dpKey, lookupKey));
        Bits wayMatch = matches(dpRead, dpKey);
        Bits stashMatch = matches(stashList(), dpKey);
        Bits wayFree = free(dpRead);
        assign(hit, or(orReduce(wayMatch), orReduce(stashMatch)));
        Bits hitEntry = orBits(orSelected(wayMatch, dpRead), orSelected(stashMatch, stashList()));
        assign(hitValue, entry.getUInt(hitEntry, "value"));
        assign(hitKind, entry.get(hitEntry, "kind"));
        assign(canInsert, or(orReduce(wayFree), orReduce(stashFree)));
        entry.assignAll(newEntry, Map.of("valid", TRUE(), "kind", commitKind, "seen", now, "value", commitValue,
                "key", dpKey));

        Bool write = and(commit, commitWrite);
        Bits stashInsertSlot = mux(orReduce(wayFree), b(0, stashSize), lowestSetBit(stashFree));
        assign(dpWrite, mux(write, mux(hit, wayMatch, roomiest(wayFree)), b(0, cands)));
        dpStashWrite = mux(write, mux(hit, stashMatch, stashInsertSlot), b(0, stashSize));
        Bool dpInsert = and(write, not(hit), or(orReduce(wayFree), orReduce(stashFree)));
        assign(statStashInsert, and(write, not(hit), not(orReduce(wayFree)), orReduce(stashFree)));

        // ---- engine step, decided at engineCommit from what port B read and what the datapath writes now
        // Both rewrite whole rows, so the engine yields a row the datapath writes at all, whichever slot.
        wayConflict = bits(cands);
        for (int c = 0; c < cands; c++) {
            int w = c / cfg.slotsPerRow();
            assign(bit(wayConflict, c), and(orReduce(slotsOf(dpWrite, w)), eq(dpRows.get(w), engineRows.get(w))));
        }
        engineFree = free(engineRead);
        engineStashWrite = bits(stashSize);
        engineStashData = entry.newBits();
        removed = uint(bitsFor(cands + 1));
        Bool relocated = bool();
        Bool hostDone = bool();
        Bool hostInserted = bool();
        assign(engineWrite, b(0, cands));
        assign(engineStashWrite, b(0, stashSize));
        assign(engineStashData, b(0, entry.width()));
        assign(engineData, b(0, entry.width()));
        assign(removed, 0);
        assign(relocated, false);
        assign(hostDone, false);
        assign(hostInserted, false);
        switchOn(engineJob,
                is(JOB_MOVE, () -> assign(relocated, moveStep())),
                is(JOB_SWEEP, this::sweepStep),
                is(JOB_HOST, () -> hostStep(held, write, dpKey, hostDone, hostInserted)),
                otherwiseCase(() -> {}));

        assign(engineWriteNow, mux(engineCommit, engineWrite, b(0, cands)));
        Bits stashEngineWrite = mux(engineCommit, engineStashWrite, b(0, stashSize));
        for (int s = 0; s < stashSize; s++) {
            int slot = s;
            when(bit(dpStashWrite, slot), () -> assign(stash.apply(slot), newEntry))
                    .elseWhen(bit(stashEngineWrite, slot), () -> assign(stash.apply(slot), engineStashData));
        }
        Bool hostFinished = and(engineCommit, eq(engineJob, JOB_HOST), hostDone);
        when(hostFinished, () -> assign(hostPending, false));
        // Last, so a flush asked for in the cycle one begins is not lost.
        when(flush, () -> assign(flushPending, true));

        UInt removedNow = mux(and(engineCommit, not(clearing)), removed, u(0, removed.getBitsWidth()));
        UInt grown = add(add(occupancy, resize(asUInt(dpInsert), cfg.countWidth())),
                resize(asUInt(and(hostFinished, hostInserted)), cfg.countWidth()));
        assign(occupancy, sub(grown, resize(removedNow, cfg.countWidth())));
        assign(statOccupancy, occupancy);
        assign(statStashOccupancy, resize(countOnes(stashValid), statStashOccupancy.getBitsWidth()));
        Bool anyRemoved = neq(removedNow, u(0, removed.getBitsWidth()));
        Bool aging = and(eq(engineJob, JOB_SWEEP), not(flushing));
        assign(statAgedOutInc, and(aging, anyRemoved));
        assign(statAgedOutAmount, removedNow);
        assign(statDeletedInc, and(not(aging), anyRemoved));
        assign(statDeletedAmount, removedNow);
        assign(statRelocation, and(relocated, engineCommit));

        // A refresh reports its entry as leaving and stored again, so the counts see only a change of server. Relocation
        // moves entries without any leaving; the sweep at reset clears RAM that never held one.
        Bool hostStored = and(hostFinished, eq(held.op(), HostOp.INSERT.code()),
                or(orReduce(engineWrite), orReduce(engineStashWrite)));
        Bool engineRemoves = and(engineCommit, not(clearing), neq(engineJob, u(JOB_MOVE, 2)));
        event("ev_stored_", evStored, evStoredServer, or(and(write, hit), dpInsert), commitValue);
        event("ev_stored_", evStored, evStoredServer, hostStored, held.value());
        event("ev_left_", evLeft, evLeftServer, and(write, hit), hitValue);
        for (int c = 0; c < cands; c++) {
            Bits old = engineRead.get(c);
            event("ev_left_", evLeft, evLeftServer, and(engineRemoves, bit(engineWrite, c), entry.getBool(old, "valid")),
                    entry.getUInt(old, "value"));
        }
        Bits oldStash = orSelected(engineStashWrite, stashList());
        event("ev_left_", evLeft, evLeftServer, and(engineRemoves, orReduce(engineStashWrite),
                entry.getBool(oldStash, "valid")),
                entry.getUInt(oldStash, "value"));
    }

    /** Adds one event lane: an output pair {@code <stem><lane>_valid}, {@code _server}. */
    private void event(String stem, List<Bool> valid, List<UInt> server, Bool when, UInt value) {
        int lane = valid.size();
        Bool v = named(out(bool()), stem + lane + "_valid");
        UInt sv = named(out(uint(cfg.valueWidth())), stem + lane + "_server");
        assign(v, when);
        assign(sv, value);
        valid.add(v);
        server.add(sv);
    }

    /** The host's command as latched at FLOW_CMD, so the registers may change while it runs. */
    private record HostCommand(Bits op, Bits key, UInt value, UInt location, Bits kind) {}

    /**
     * Moves the carried stash entry into one of its places: a free one if any (it leaves the stash), else the victim's,
     * whose entry takes its stash slot (a cuckoo kick). The victim turns over the ways first, so consecutive kicks
     * land in different ways. Returns whether it moved.
     */
    private Bool moveStep() {
        int ways = cfg.ways();
        Bits carried = element(stash, engineSlot);
        Bits carriedSlot = oneHot(engineSlot, cfg.stashEntries());
        int wayBits = log2Exact(ways);
        int slotBits = log2Exact(cfg.slotsPerRow());
        UInt victim = slotBits == 0 ? moverVictim
                : asUInt(cat(slice(asBits(moverVictim), 0, wayBits), slice(asBits(moverVictim), wayBits, slotBits)));
        Bits victimWay = oneHot(victim, cfg.candidates());
        Bool roomy = orReduce(engineFree);
        Bits target = mux(roomy, roomiest(engineFree), victimWay);
        Bool move = and(entry.getBool(carried, "valid"), not(orReduce(andBits(carriedSlot, dpStashWrite))),
                not(orReduce(andBits(target, wayConflict))));
        when(move, () -> {
            assign(engineWrite, target);
            assign(engineData, carried);
            assign(engineStashWrite, carriedSlot);
            assign(engineStashData, mux(roomy, b(0, entry.width()), orSelected(victimWay, engineRead)));
        });
        when(and(engineCommit, move), () -> {
            assign(moverVictim, incrementModulo(moverVictim, cfg.candidates()));
            Bool giveUp = or(roomy, ge(moverKicks, cfg.maxKicks() - 1));
            assign(moverKicks, mux(giveUp, u(0, moverKicks.getBitsWidth()), add(moverKicks, 1)));
            when(giveUp, () -> assign(moverSlot, incrementModulo(engineSlot, cfg.stashEntries())));
        });
        return move;
    }

    /** Removes the doomed entries of one row in every way and of stash slot (row mod stash size). */
    private void sweepStep() {
        int cands = cfg.candidates();
        int stashSize = cfg.stashEntries();
        Bits doomedPlaces = bits(cands);
        for (int c = 0; c < cands; c++) assign(bit(doomedPlaces, c), doomed(engineRead.get(c)));
        Bits expiredWays = andBits(doomedPlaces, invert(wayConflict));
        // The datapath writes back the whole row it writes, a doomed neighbour included: sweep that row again.
        Bool retry = orReduce(andBits(doomedPlaces, wayConflict));
        UInt row = engineRows.get(0);
        UInt stashSlot = resize(row, log2Up(stashSize));
        Bool stashExpired = and(doomed(element(stash, stashSlot)), not(bit(dpStashWrite, stashSlot)));
        assign(engineWrite, expiredWays);
        assign(engineStashWrite, mux(stashExpired, oneHot(stashSlot, stashSize), b(0, stashSize)));
        assign(removed, add(resize(countOnes(expiredWays), removed.getBitsWidth()), asUInt(stashExpired)));
        when(and(engineCommit, not(retry)), () -> {
            assign(sweepRow, add(row, 1));
            when(eq(row, cfg.depth() - 1), () -> assign(sweepDue, false));
            when(and(flushing, eq(row, cfg.depth() - 1)), () -> {
                assign(flushing, false);
                assign(clearing, false);
            });
        });
    }

    /** The host's command in one engine step, or again at the next one if the datapath writes the same entry now. */
    private void hostStep(HostCommand cmd, Bool dpWrites, Bits dpKey, Bool done, Bool inserted) {
        int stashSize = cfg.stashEntries();
        int lw = cfg.locationWidth();
        Bits wayMatch = matches(engineRead, cmd.key());
        Bits stashMatch = matches(stashList(), cmd.key());
        Bool wayHit = orReduce(wayMatch);
        Bool found = or(wayHit, orReduce(stashMatch));
        Bool wayRoom = orReduce(engineFree);
        Bits foundEntry = orBits(orSelected(wayMatch, engineRead), orSelected(stashMatch, stashList()));
        Bits targetWays = mux(found, wayMatch, roomiest(engineFree));
        Bits targetStash = mux(found, stashMatch, mux(wayRoom, b(0, stashSize), lowestSetBit(stashFree)));
        Bool room = or(found, wayRoom, orReduce(stashFree));

        int slotBits = log2Exact(cfg.slotsPerRow());
        List<UInt> wayLocations = new ArrayList<>();
        for (int c = 0; c < cfg.candidates(); c++) {
            int w = c / cfg.slotsPerRow();
            UInt row = add(u((long) w * cfg.depth(), lw), resize(engineRows.get(w), lw));
            wayLocations.add(slotBits == 0 ? row : resize(asUInt(cat(asBits(row), b(c % cfg.slotsPerRow(), slotBits))), lw));
        }
        UInt targetLocation = mux(orReduce(targetWays), orSelected(targetWays, wayLocations),
                add(u(cfg.entries(), lw), resize(lowestSetIndex(targetStash), lw)));

        // A location's low bits are its slot, then its row, then its way: the candidate is way and slot together.
        Bool inStash = ge(cmd.location(), u(cfg.entries(), lw));
        Bits way = slice(asBits(cmd.location()), slotBits + cfg.indexWidth(), log2Exact(cfg.ways()));
        UInt readCandidate = slotBits == 0 ? asUInt(way) : asUInt(cat(way, slice(asBits(cmd.location()), 0, slotBits)));
        Bits readEntry = mux(inStash, element(stash, resize(cmd.location(), log2Up(stashSize))),
                element(vecOf(engineRead), readCandidate));

        Bool isRead = eq(cmd.op(), HostOp.READ.code());
        Bool isLookup = eq(cmd.op(), HostOp.LOOKUP.code());
        Bool isInsert = eq(cmd.op(), HostOp.INSERT.code());
        Bool isDelete = eq(cmd.op(), HostOp.DELETE.code());
        Bool clash = or(orReduce(andBits(targetWays, wayConflict)), orReduce(andBits(targetStash, dpStashWrite)),
                and(isInsert, dpWrites, eq(dpKey, cmd.key())));
        Bool writes = or(and(isInsert, room), and(isDelete, found));

        Bits stored = entry.newBits();
        entry.assignAll(stored, Map.of("valid", TRUE(), "kind", mux(found, entry.get(foundEntry, "kind"), cmd.kind()),
                "seen", now, "value", cmd.value(), "key", cmd.key()));
        Bool finished = or(isRead, isLookup, not(and(writes, clash)));
        assign(done, finished);
        when(and(writes, not(clash)), () -> {
            assign(engineWrite, targetWays);
            assign(engineStashWrite, targetStash);
            when(isInsert, () -> {
                assign(engineData, stored);
                assign(engineStashData, stored);
                assign(inserted, not(found));
            }).otherwise(() -> assign(removed, 1));
        });
        Bits result = mux(isRead, readEntry, foundEntry);
        when(and(engineCommit, finished), () -> {
            assign(hostFound, mux(isRead, entry.getBool(readEntry, "valid"), found));
            assign(hostFail, and(isInsert, not(room)));
            assign(hostResultLocation, mux(isRead, cmd.location(), targetLocation));
            assign(hostResultEntry, mux(isInsert, stored, result));
            assign(hostResultIdle, sub(now, entry.getUInt(result, "seen")));
        });
    }

    /**
     * One free place (one-hot over the candidates) in the row with the most free slots, lowest way on ties. Filling
     * the emptiest row keeps rows even (the "power of d choices"), so a new key rarely finds all its rows full and the
     * relocator, one kick per decision, is needed less: first-fit left way 0 full and the last ways empty.
     */
    private Bits roomiest(Bits free) {
        int ways = cfg.ways();
        List<Bits> wayFree = new ArrayList<>();
        for (int w = 0; w < ways; w++) wayFree.add(slotsOf(free, w));
        Bits chosenWay = null;
        for (int k = 1; k <= cfg.slotsPerRow(); k++) {
            Bits roomy = bits(ways);
            for (int w = 0; w < ways; w++) assign(bit(roomy, w), ge(countOnes(wayFree.get(w)), k));
            chosenWay = chosenWay == null ? lowestSetBit(roomy) : mux(orReduce(roomy), lowestSetBit(roomy), chosenWay);
        }
        Bits place = null;
        for (int w = 0; w < ways; w++) {
            Bits slots = mux(bit(chosenWay, w), lowestSetBit(wayFree.get(w)), b(0, cfg.slotsPerRow()));
            place = place == null ? slots : cat(slots, place);
        }
        return place;
    }

    /** The write bits of way {@code w}'s slots among the candidates' bits. */
    private Bits slotsOf(Bits candidates, int w) {
        return slice(candidates, w * cfg.slotsPerRow(), cfg.slotsPerRow());
    }

    /** A row's word as its slots' entries, slot 0 in the low bits. */
    private List<Bits> split(Bits word) {
        List<Bits> slots = new ArrayList<>();
        for (int s = 0; s < cfg.slotsPerRow(); s++) slots.add(slice(word, s * entry.width(), entry.width()));
        return slots;
    }

    /** The word to write back: {@code value} in the slots whose bit is set, the row as read in the others. */
    private Bits join(List<Bits> read, Bits replace, Bits value) {
        Bits word = mux(bit(replace, 0), value, read.get(0));
        for (int s = 1; s < read.size(); s++) word = cat(mux(bit(replace, s), value, read.get(s)), word);
        return word;
    }

    private static int log2Exact(int powerOfTwo) {
        return Integer.numberOfTrailingZeros(powerOfTwo);
    }

    private List<Bits> stashList() {
        List<Bits> list = new ArrayList<>();
        for (int i = 0; i < stash.length(); i++) list.add(stash.apply(i));
        return list;
    }

    private Bits matches(List<Bits> entries, Bits key) {
        Bits hits = bits(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            assign(bit(hits, i), and(entry.getBool(entries.get(i), "valid"), eq(entry.get(entries.get(i), "key"), key)));
        }
        return hits;
    }

    private Bits free(List<Bits> entries) {
        Bits empty = bits(entries.size());
        for (int i = 0; i < entries.size(); i++) assign(bit(empty, i), not(entry.getBool(entries.get(i), "valid")));
        return empty;
    }

    /** A valid entry the sweeper removes: every one while flushing, else those idle longer than their timeout. */
    private Bool doomed(Bits e) {
        UInt timeout = element(cfgTimeout, entry.getUInt(e, "kind"));
        UInt idle = sub(now, entry.getUInt(e, "seen"));
        Bool expired = and(neq(timeout, u(0, cfg.timeWidth())), gt(idle, timeout));
        return and(entry.getBool(e, "valid"), or(flushing, expired));
    }
}
