package flowswitch.sim.bench;

import flowswitch.driver.transport.RegisterBus;

/** A register bus that counts the accesses made through it, so a timing can be put per access. */
final class CountingBus implements RegisterBus {
    private final RegisterBus bus;
    private long reads;
    private long writes;

    CountingBus(RegisterBus bus) {
        this.bus = bus;
    }

    /** Reads and writes made so far. */
    record Ops(long reads, long writes) {
        long total() {
            return reads + writes;
        }
    }

    Ops ops() {
        return new Ops(reads, writes);
    }

    @Override
    public int read(int address) {
        reads++;
        return bus.read(address);
    }

    @Override
    public void write(int address, int value) {
        writes++;
        bus.write(address, value);
    }

    @Override
    public String device() {
        return bus.device();
    }

    @Override
    public void close() {
        bus.close();
    }
}
