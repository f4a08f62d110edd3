package flowswitch.hdl.decision;

import flowswitch.hdl.simtest.SimClock;
import flowswitch.hdl.simtest.Signals;
import java.util.List;
import java.util.OptionalInt;

/**
 * Drives a simulated {@link ServerScheduler} one clock at a time: each step sets the request, lets one edge pass and
 * returns the pick of that cycle (empty when {@code available} was low); the edge applies the commit.
 */
final class SchedulerDriver {
    private final ServerScheduler dut;
    private final SimClock clock;
    private final int servers;

    SchedulerDriver(ServerScheduler dut, int servers) {
        this.dut = dut;
        this.servers = servers;
        setServers(java.util.Collections.nCopies(servers, ServerSlot.EMPTY));
        Signals.write(dut.service, 0);
        Signals.write(dut.policy, Policy.WRR.code());
        Signals.write(dut.hash, 0);
        Signals.write(dut.byHash, false);
        Signals.write(dut.commit, false);
        setConnections(java.util.Collections.nCopies(servers, 0));
        Signals.write(dut.maglevServer, 0);
        clock = SimClock.start(dut);
    }

    void setServers(List<ServerSlot> slots) {
        if (slots.size() != servers) throw new IllegalArgumentException(slots.size() + " slots for " + servers + " servers");
        for (int i = 0; i < servers; i++) Signals.write(dut.servers.apply(i), slots.get(i).pack(i));
    }

    /** The active connections the least-connections policies compare, one per server slot. */
    void setConnections(List<Integer> counts) {
        for (int i = 0; i < servers; i++) Signals.write(dut.connections.apply(i), counts.get(i));
    }

    /** The server slot the frame's Maglev entry holds. */
    void setMaglevServer(int slot) {
        Signals.write(dut.maglevServer, slot);
    }

    /** A committed round-robin pick for {@code service}. */
    OptionalInt next(int service, Policy policy) {
        return step(service, policy, false, 0, true);
    }

    OptionalInt step(int service, Policy policy, boolean byHash, int hash, boolean commit) {
        Signals.write(dut.service, service);
        Signals.write(dut.policy, policy.code());
        Signals.write(dut.byHash, byHash);
        Signals.write(dut.hash, hash);
        Signals.write(dut.commit, commit);
        clock.run(1);
        return Signals.read(dut.available) ? OptionalInt.of((int) Signals.readLong(dut.pick)) : OptionalInt.empty();
    }
}
