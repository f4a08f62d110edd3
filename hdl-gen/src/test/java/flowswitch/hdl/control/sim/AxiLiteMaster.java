package flowswitch.hdl.control.sim;

import flowswitch.hdl.simtest.Signals;
import flowswitch.hdl.simtest.SimClock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import spinal.lib.bus.amba4.axilite.AxiLite4;

/**
 * An AXI4-Lite master with one transaction in flight: AW and W together (each held until accepted), then B; or AR,
 * then R. With a random source it waits a few cycles before each transaction and stalls B/R ready at random.
 */
public final class AxiLiteMaster {
    /** One transaction; {@code done} once its response arrived. */
    public static final class Op {
        final boolean write;
        final int address;
        final long data;
        private boolean done;
        private long readData;
        private int resp;
        private long completedAt;

        private Op(boolean write, int address, long data) {
            this.write = write;
            this.address = address;
            this.data = data;
        }

        public boolean done() {
            return done;
        }

        public boolean isWrite() {
            return write;
        }

        public long readData() {
            if (!done || write) throw new IllegalStateException("no read data: " + this);
            return readData;
        }

        public int resp() {
            if (!done) throw new IllegalStateException("not finished: " + this);
            return resp;
        }

        public int address() {
            return address;
        }

        public long completedAt() {
            return completedAt;
        }

        @Override
        public String toString() {
            return (write ? "write 0x" + Long.toHexString(data) + " to" : "read") + " 0x" + Integer.toHexString(address);
        }
    }

    private final SimClock clock;
    private final AxiLite4 bus;
    private final Random random;
    private final int maxGap;
    private final int readyPercent;
    private final Deque<Op> queue = new ArrayDeque<>();
    private Op current;
    private boolean awDone;
    private boolean wDone;
    private boolean arDone;
    private boolean responseReady;
    private int wait;

    /** A master that is always ready and starts each transaction at once. */
    public AxiLiteMaster(SimClock clock, AxiLite4 bus) {
        this(clock, bus, new Random(0), 0, 100);
    }

    /** {@code maxGap}: up to that many idle cycles before each transaction; {@code readyPercent}: B/R ready odds. */
    public AxiLiteMaster(SimClock clock, AxiLite4 bus, Random random, int maxGap, int readyPercent) {
        this.clock = clock;
        this.bus = bus;
        this.random = random;
        this.maxGap = maxGap;
        this.readyPercent = readyPercent;
        drive();
        clock.onEachCycle(this::tick);
    }

    public Op write(int address, long data) {
        return enqueue(new Op(true, address, data & 0xFFFF_FFFFL));
    }

    public Op read(int address) {
        return enqueue(new Op(false, address, 0));
    }

    public boolean idle() {
        return current == null && queue.isEmpty();
    }

    private Op enqueue(Op op) {
        queue.add(op);
        return op;
    }

    /** One clock edge: see what happened at it, then drive the next. */
    private void tick() {
        if (current != null) observe();
        if (current == null && !queue.isEmpty()) {
            if (wait > 0) {
                wait--;
            } else {
                current = queue.poll();
                awDone = wDone = arDone = false;
            }
        }
        drive();
    }

    /** What happened at the edge that just passed, given what this master drove before it. */
    private void observe() {
        if (current.write) {
            awDone |= Signals.read(bus.aw().valid()) && Signals.read(bus.aw().ready());
            wDone |= Signals.read(bus.w().valid()) && Signals.read(bus.w().ready());
            if (responseReady && Signals.read(bus.b().valid())) finish(0, (int) Signals.readLong(bus.b().payload().resp()));
        } else {
            arDone |= Signals.read(bus.ar().valid()) && Signals.read(bus.ar().ready());
            if (responseReady && Signals.read(bus.r().valid())) {
                finish(Signals.readLong(bus.r().payload().data()), (int) Signals.readLong(bus.r().payload().resp()));
            }
        }
    }

    private void finish(long data, int resp) {
        current.readData = data;
        current.resp = resp;
        current.done = true;
        current.completedAt = clock.cycle();
        current = null;
        wait = maxGap == 0 ? 0 : random.nextInt(maxGap + 1);
    }

    private void drive() {
        boolean writing = current != null && current.write;
        boolean reading = current != null && !current.write;
        Signals.write(bus.aw().valid(), writing && !awDone);
        Signals.write(bus.w().valid(), writing && !wDone);
        Signals.write(bus.ar().valid(), reading && !arDone);
        if (current != null) {
            Signals.write(current.write ? bus.aw().payload().addr() : bus.ar().payload().addr(), current.address);
            Signals.write(bus.w().payload().data(), current.data);
        }
        Signals.write(bus.aw().payload().prot(), 0);
        Signals.write(bus.ar().payload().prot(), 0);
        Signals.write(bus.w().payload().strb(), 0xF);
        responseReady = random.nextInt(100) < readyPercent;
        Signals.write(bus.b().ready(), responseReady);
        Signals.write(bus.r().ready(), responseReady);
    }
}
