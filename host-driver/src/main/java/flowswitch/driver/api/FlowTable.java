package flowswitch.driver.api;

import flowswitch.config.DurationText;
import flowswitch.config.FlowTimeouts;
import flowswitch.config.HardwareParams;
import flowswitch.driver.regmap.Field;
import flowswitch.driver.regmap.Register;
import flowswitch.driver.regmap.RegisterMap;
import flowswitch.driver.transport.DeviceException;
import flowswitch.driver.transport.RegisterBus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The device's flow table through its registers (docs/register-map.md "Flow table access"): single entries by
 * location or key, a dump, flush, occupancy and the aging settings. Every command waits for FLOW_STATUS.busy to
 * fall, a bounded number of reads, so a device that stopped answering is reported rather than waited for forever.
 * Methods are synchronized because a command's key, server and results share one set of registers.
 */
public final class FlowTable {
    /** How long the driver waits for the table; generous, since a command waits for gaps in the traffic. */
    record Patience(int commandReads, Duration flushTimeout) {
        // A command takes one table step in an idle gap of the datapath, a handful of clocks even at line rate;
        // a flush one step per row, under 1 ms at 64K rows. Simulated clocks only run while the bus is used.
        static final Patience DEFAULT = new Patience(1000, Duration.ofSeconds(30));
    }

    private final RegisterBus bus;
    private final HardwareParams hardware;
    private final Patience patience;
    private final Register occupancy;
    private final Register stashOccupancy;
    private final Register locations;
    private final Register flush;
    private final Field flushBit;
    private final Register tickCycles;
    private final Field tickCyclesValue;
    private final Map<FlowKind, Register> timeouts = new EnumMap<>(FlowKind.class);
    private final FlowKeyLayout commandKey;
    private final Register server;
    private final Field serverValue;
    private final Register location;
    private final Field locationValue;
    private final Register command;
    private final Map<FlowCommand, Field> commandBits = new EnumMap<>(FlowCommand.class);
    private final Register status;
    private final Field busy;
    private final Field found;
    private final Field fail;
    private final Field flushBusy;
    private final Register resultLocation;
    private final FlowKeyLayout resultKey;
    private final Register resultEntry;
    private final Field resultServer;
    private final Field resultKind;
    private final Field resultValid;
    private final Register resultIdle;

    /** What one command found: FLOW_STATUS once busy fell. */
    private record Outcome(boolean found, boolean failed) {
    }

    /** @throws flowswitch.driver.regmap.RegisterMapException when the map lacks a FLOW_* register or field */
    FlowTable(RegisterMap map, RegisterBus bus, HardwareParams hardware, Patience patience) {
        this.bus = bus;
        this.hardware = hardware;
        this.patience = patience;
        occupancy = map.register("FLOW_OCCUPANCY");
        stashOccupancy = map.register("FLOW_STASH_OCCUPANCY");
        locations = map.register("FLOW_LOCATIONS");
        flush = map.register("FLOW_FLUSH");
        flushBit = flush.field("flush");
        tickCycles = map.register("FLOW_TICK_CYCLES");
        tickCyclesValue = tickCycles.field("value");
        for (FlowKind kind : FlowKind.values()) {
            timeouts.put(kind, map.register(kind.timeoutRegister()));
        }
        commandKey = FlowKeyLayout.of(map, "FLOW_KEY");
        server = map.register("FLOW_SERVER");
        serverValue = server.field("value");
        location = map.register("FLOW_LOCATION");
        locationValue = location.field("value");
        command = map.register("FLOW_CMD");
        for (FlowCommand c : FlowCommand.values()) {
            commandBits.put(c, command.field(c.field()));
        }
        status = map.register("FLOW_STATUS");
        busy = status.field("busy");
        found = status.field("found");
        fail = status.field("fail");
        flushBusy = status.field("flush_busy");
        resultLocation = map.register("FLOW_RESULT_LOCATION");
        resultKey = FlowKeyLayout.of(map, "FLOW_RESULT_KEY");
        resultEntry = map.register("FLOW_RESULT_ENTRY");
        resultServer = resultEntry.field("server");
        resultKind = resultEntry.field("kind");
        resultValid = resultEntry.field("valid");
        resultIdle = map.register("FLOW_RESULT_IDLE");
    }

    /** How many connections the table holds (FLOW_OCCUPANCY), how many of them in the stash, of how many. */
    public synchronized FlowCount count() {
        return new FlowCount(value(occupancy), value(stashOccupancy), hardware.flowTableSize());
    }

    /**
     * Every entry, in location order. Entries move while traffic runs (the relocator), so a dump under traffic may
     * list one twice or miss one that moved.
     */
    public synchronized List<FlowEntry> dump() {
        int all = value(locations);
        List<FlowEntry> entries = new ArrayList<>();
        for (int at = 0; at < all; at++) {
            readAt(at).ifPresent(entries::add);
        }
        return entries;
    }

    /**
     * The entry at {@code at}, if that location holds one.
     *
     * @throws IllegalArgumentException when the table has no such location
     */
    public synchronized Optional<FlowEntry> read(int at) {
        int all = value(locations);
        if (at < 0 || at >= all) {
            throw new IllegalArgumentException("flow table location " + at + " does not exist; the table has"
                    + " locations 0.." + (all - 1));
        }
        return readAt(at);
    }

    /** The entry of the connection {@code key}, if the table holds it. */
    public synchronized Optional<FlowEntry> lookup(FlowKey key) {
        String what = "look up flow " + key.describe();
        setKey(key);
        return run(FlowCommand.LOOKUP, what).found() ? Optional.of(result(what)) : Optional.empty();
    }

    /**
     * Pins the connection {@code key} to server slot {@code serverSlot}: a known connection changes server (and
     * keeps its kind), a new one takes a free row of its ways or a stash slot, as if its first frame had come now.
     *
     * @throws IllegalArgumentException when the key or server slot does not fit the device; nothing was written
     * @throws DeviceException when the table has no room for a new connection (FLOW_STATUS.fail)
     */
    public synchronized FlowInsert insert(FlowKey key, int serverSlot) {
        checkKey(key);
        Limits.slot("server", serverSlot, hardware.maxServers());
        Limits.fits("server slot", serverSlot, serverValue);
        String what = "insert flow " + key.describe();
        setKey(key);
        bus.write(server.address(), serverValue.set(0, serverSlot));
        Outcome outcome = run(FlowCommand.INSERT, what);
        if (outcome.failed()) {
            throw new DeviceException(bus.device(), what, "the table has no room for it (FLOW_STATUS.fail): every"
                    + " row of its ways and every stash slot is taken; delete flows, or wait for idle ones to age"
                    + " out");
        }
        return new FlowInsert(result(what), outcome.found());
    }

    /**
     * Removes the connection {@code key}; its next frame is scheduled afresh (or, not opening a connection, takes
     * the pick by hash).
     *
     * @return the entry as it was, if the table held it
     */
    public synchronized Optional<FlowEntry> delete(FlowKey key) {
        String what = "delete flow " + key.describe();
        setKey(key);
        return run(FlowCommand.DELETE, what).found() ? Optional.of(result(what)) : Optional.empty();
    }

    /**
     * Empties the table while traffic goes on, and waits until it is empty: each connection is assigned a server
     * afresh on its next frame.
     *
     * @throws DeviceException when FLOW_STATUS.flush_busy does not fall within the flush timeout
     */
    public synchronized void flush() {
        bus.write(flush.address(), flushBit.set(0, 1));
        long deadline = System.nanoTime() + patience.flushTimeout().toNanos();
        while (flushBusy.get(bus.read(status.address())) != 0) {
            if (System.nanoTime() - deadline > 0) {
                throw new DeviceException(bus.device(), "flush the flow table", "FLOW_STATUS.flush_busy still reads 1"
                        + " after " + DurationText.format(patience.flushTimeout()) + "; the flow table does not"
                        + " answer: check that the device is clocked and out of reset");
            }
        }
    }

    /** The aging registers as the device holds them. */
    public synchronized FlowAging aging() {
        return new FlowAging(tickCyclesValue.get(bus.read(tickCycles.address())), timeoutTicks(FlowKind.TCP),
                timeoutTicks(FlowKind.TCP_CLOSING), timeoutTicks(FlowKind.UDP));
    }

    /**
     * Sets the tick and the timeouts; the timeouts first, so a tick that starts running never ages by stale ones.
     *
     * @throws IllegalArgumentException when a value does not fit its register; nothing was written
     */
    public synchronized void setAging(FlowAging aging) {
        checkAging(aging);
        for (FlowKind kind : FlowKind.values()) {
            Register register = timeouts.get(kind);
            bus.write(register.address(), register.field("value").set(0, aging.ticks(kind)));
        }
        bus.write(tickCycles.address(), tickCyclesValue.set(0, aging.tickCycles()));
    }

    /** @throws IllegalArgumentException when a value of {@code aging} does not fit its register */
    void checkAging(FlowAging aging) {
        Limits.fits("aging tick (FLOW_TICK_CYCLES)", aging.tickCycles(), tickCyclesValue);
        for (FlowKind kind : FlowKind.values()) {
            Register register = timeouts.get(kind);
            Limits.fits("timeout ticks (" + register.name() + ")", aging.ticks(kind), register.field("value"));
        }
    }

    private Optional<FlowEntry> readAt(int at) {
        String what = "read flow table location " + at;
        bus.write(location.address(), locationValue.set(0, at));
        return run(FlowCommand.READ, what).found() ? Optional.of(result(what)) : Optional.empty();
    }

    private void checkKey(FlowKey key) {
        Limits.slot("service", key.service(), hardware.maxServices());
        commandKey.check(key);
    }

    private void setKey(FlowKey key) {
        checkKey(key);
        commandKey.write(bus, key);
    }

    /** Starts {@code c} and waits for FLOW_STATUS.busy to fall. */
    private Outcome run(FlowCommand c, String what) {
        bus.write(command.address(), commandBits.get(c).set(0, 1));
        for (int reads = 0; reads < patience.commandReads(); reads++) {
            int word = bus.read(status.address());
            if (busy.get(word) == 0) {
                return new Outcome(found.get(word) != 0, fail.get(word) != 0);
            }
        }
        throw new DeviceException(bus.device(), what, "FLOW_STATUS.busy still reads 1 after "
                + patience.commandReads() + " reads; the flow table does not answer: check that the device is"
                + " clocked and out of reset");
    }

    /** The entry in FLOW_RESULT_*, valid once a command found one. */
    private FlowEntry result(String what) {
        int entry = bus.read(resultEntry.address());
        if (resultValid.get(entry) == 0) {
            throw new DeviceException(bus.device(), what, "FLOW_STATUS.found is set but FLOW_RESULT_ENTRY holds no"
                    + " valid entry; the device does not follow its register map");
        }
        try {
            FlowKey key = resultKey.read(bus);
            FlowKind kind = FlowKind.of((int) resultKind.get(entry));
            return new FlowEntry(value(resultLocation), key, (int) resultServer.get(entry), kind,
                    FlowTimeouts.ofTicks(value(resultIdle)));
        } catch (IllegalArgumentException e) {
            throw new DeviceException(bus.device(), what, "the entry in FLOW_RESULT_* is not one this driver can"
                    + " read: " + e.getMessage(), e);
        }
    }

    private int timeoutTicks(FlowKind kind) {
        return value(timeouts.get(kind));
    }

    private int value(Register register) {
        return (int) register.field("value").get(bus.read(register.address()));
    }
}
