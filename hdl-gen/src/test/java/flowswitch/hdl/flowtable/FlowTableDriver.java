package flowswitch.hdl.flowtable;

import flowswitch.hdl.dsl.BitLayout;
import flowswitch.hdl.simtest.SimClock;
import flowswitch.hdl.simtest.Signals;
import java.math.BigInteger;
import java.util.Random;

/**
 * Plays the decision unit against a simulated {@link FlowTable}: a frame is a lookup handshake, some busy cycles
 * (random, as the decision FIFOs push back), and a commit. Host commands and flushes go in between or during frames.
 * Reads after a step show the values of the cycle that step drove.
 */
final class FlowTableDriver {
    record Lookup(boolean hit, long value, int kind, boolean canInsert) {}

    record HostResult(boolean found, boolean fail, int location, boolean valid, BigInteger key, long value, int kind,
                      long idle) {}

    private final FlowTable dut;
    private final FlowTableConfig cfg;
    private final SimClock clock;
    private final Random random;
    private final int maxBusy;
    private boolean hostStartArmed;
    private boolean flushArmed;
    private long agedOut;
    private long deleted;
    /** Per server slot: entries stored with it minus entries with it that left, from the entry events. */
    private final long[] eventCounts;

    FlowTableDriver(FlowTable dut, FlowTableConfig cfg, Random random, int maxBusy) {
        this.dut = dut;
        this.cfg = cfg;
        this.random = random;
        this.maxBusy = maxBusy;
        drive(false, BigInteger.ZERO, false, false, false, 0, FlowKind.TCP_ESTABLISHED);
        Signals.write(dut.hostStart, false);
        Signals.write(dut.hostOp, 0);
        Signals.write(dut.hostKey, 0);
        Signals.write(dut.hostValue, 0);
        Signals.write(dut.hostLocation, 0);
        Signals.write(dut.flush, false);
        Signals.write(dut.cfgTickCycles, 0);
        for (int k = 0; k < 3; k++) Signals.write(dut.cfgTimeout.apply(k), 0);
        clock = SimClock.start(dut);
        eventCounts = new long[1 << cfg.valueWidth()];
        clock.onEachCycle(() -> {
            if (Signals.read(dut.statAgedOutInc)) agedOut += Signals.readLong(dut.statAgedOutAmount);
            if (Signals.read(dut.statDeletedInc)) deleted += Signals.readLong(dut.statDeletedAmount);
            for (int i = 0; i < dut.evStored.size(); i++) {
                if (Signals.read(dut.evStored.get(i))) eventCounts[(int) Signals.readLong(dut.evStoredServer.get(i))]++;
            }
            for (int i = 0; i < dut.evLeft.size(); i++) {
                if (Signals.read(dut.evLeft.get(i))) eventCounts[(int) Signals.readLong(dut.evLeftServer.get(i))]--;
            }
        });
        clock.run(1);
    }

    BitLayout keys() {
        return cfg.keyLayout();
    }

    /**
     * One frame of {@code key}: looked up, then committed storing {@code value} (a hit refreshes, a miss inserts)
     * unless {@code write} is false. Returns what the lookup found, as seen in the commit cycle. The caller gives the
     * value to store up front (as the decision unit would pick it) from its own model of the table.
     */
    Lookup frame(BigInteger key, boolean write, long value, FlowKind kind) {
        do {
            step(true, key, false, false, false, 0, kind);
        } while (Signals.read(dut.issueBlocked));
        for (int busy = random.nextInt(maxBusy + 1); busy > 0; busy--) step(false, key, true, false, false, 0, kind);
        step(false, key, true, true, write, value, kind);
        return new Lookup(Signals.read(dut.hit), Signals.readLong(dut.hitValue), (int) Signals.readLong(dut.hitKind),
                Signals.read(dut.canInsert));
    }

    /** A frame with no write: only looks. */
    Lookup look(BigInteger key) {
        return frame(key, false, 0, FlowKind.TCP_ESTABLISHED);
    }

    void idle(int cycles) {
        for (int i = 0; i < cycles; i++) step(false, BigInteger.ZERO, false, false, false, 0, FlowKind.TCP_ESTABLISHED);
    }

    /** Arms a host command for the next cycle; {@link #hostBusy} tells when it is done. */
    void startHost(HostOp op, BigInteger key, long value, int location) {
        Signals.write(dut.hostOp, op.code());
        Signals.write(dut.hostKey, key);
        Signals.write(dut.hostValue, value);
        Signals.write(dut.hostLocation, location);
        hostStartArmed = true;
    }

    /** True while a command runs (read one cycle after {@link #startHost}). */
    boolean hostBusy() {
        return Signals.read(dut.hostBusy);
    }

    HostResult host(HostOp op, BigInteger key, long value, int location) {
        startHost(op, key, value, location);
        idle(1);
        do {
            idle(1);
        } while (hostBusy());
        return hostResult();
    }

    HostResult hostResult() {
        BitLayout entry = cfg.entryLayout();
        BigInteger e = Signals.read(dut.hostResultEntry);
        return new HostResult(Signals.read(dut.hostFound), Signals.read(dut.hostFail),
                (int) Signals.readLong(dut.hostResultLocation), entry.unpack(e, "valid") == 1, field(e, "key"),
                entry.unpack(e, "value"), (int) entry.unpack(e, "kind"), Signals.readLong(dut.hostResultIdle));
    }

    void startFlush() {
        flushArmed = true;
    }

    boolean flushBusy() {
        return Signals.read(dut.flushBusy);
    }

    void aging(long tickCycles, int tcp, int tcpClosing, int udp) {
        Signals.write(dut.cfgTickCycles, tickCycles);
        Signals.write(dut.cfgTimeout.apply(FlowKind.TCP_ESTABLISHED.code()), tcp);
        Signals.write(dut.cfgTimeout.apply(FlowKind.TCP_CLOSING.code()), tcpClosing);
        Signals.write(dut.cfgTimeout.apply(FlowKind.UDP.code()), udp);
    }

    long occupancy() {
        return Signals.readLong(dut.statOccupancy);
    }

    long stashOccupancy() {
        return Signals.readLong(dut.statStashOccupancy);
    }

    long agedOut() {
        return agedOut;
    }

    long deleted() {
        return deleted;
    }

    /** Entries per server slot as the entry events add them up. */
    long[] eventCounts() {
        return eventCounts.clone();
    }

    long cycle() {
        return clock.cycle();
    }

    private BigInteger field(BigInteger entry, String name) {
        BitLayout.Field f = cfg.entryLayout().field(name);
        return entry.shiftRight(f.lsb()).and(BigInteger.ONE.shiftLeft(f.width()).subtract(BigInteger.ONE));
    }

    private void step(boolean issue, BigInteger key, boolean busy, boolean commit, boolean write, long value,
                      FlowKind kind) {
        drive(issue, key, busy, commit, write, value, kind);
        Signals.write(dut.hostStart, hostStartArmed);
        Signals.write(dut.flush, flushArmed);
        hostStartArmed = false;
        flushArmed = false;
        clock.run(1);
    }

    private void drive(boolean issue, BigInteger key, boolean busy, boolean commit, boolean write, long value,
                       FlowKind kind) {
        Signals.write(dut.lookupIssue, issue);
        Signals.write(dut.lookupKey, key);
        Signals.write(dut.datapathBusy, busy);
        Signals.write(dut.commit, commit);
        Signals.write(dut.commitWrite, write);
        Signals.write(dut.commitValue, value);
        Signals.write(dut.commitKind, kind.code());
    }
}
