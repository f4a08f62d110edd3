package flowswitch.hdl.control.sim;

import static flowswitch.hdl.simtest.Signals.read;
import static flowswitch.hdl.simtest.Signals.readLong;
import static flowswitch.hdl.simtest.Signals.write;

import flowswitch.hdl.simtest.SimClock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntPredicate;
import spinal.lib.bus.amba4.axilite.AxiLite4;

/**
 * An AXI4-Lite slave holding words in a map, with random ready stalls and response latency. It answers SLVERR at
 * the addresses {@code error} selects (and leaves them unwritten), and records every time a master presents a new
 * request while the previous one of that direction is still unanswered.
 */
public final class AxiLiteMemory {
    private static final int SLVERR = 2;

    private final SimClock clock;
    private final AxiLite4 bus;
    private final Random random;
    private final int readyPercent;
    private final int maxLatency;
    private final IntPredicate error;
    private final Map<Integer, Long> words = new HashMap<>();
    private final List<Integer> writeOrder = new ArrayList<>();
    private final List<Integer> readOrder = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();

    private boolean awReady, wReady, arReady;
    private Integer awAddress;
    private Long wData;
    private boolean bValid;
    private int bResp;
    private int bDelay;
    private Integer arAddress;
    private boolean rValid;
    private long rData;
    private int rResp;
    private int rDelay;

    public AxiLiteMemory(SimClock clock, AxiLite4 bus, Random random, int readyPercent, int maxLatency,
                         IntPredicate error) {
        this.clock = clock;
        this.bus = bus;
        this.random = random;
        this.readyPercent = readyPercent;
        this.maxLatency = maxLatency;
        this.error = error;
        drive();
        clock.onEachCycle(this::tick);
    }

    /** Addresses of accepted writes, in acceptance order. */
    public List<Integer> writeOrder() {
        return writeOrder;
    }

    public List<Integer> readOrder() {
        return readOrder;
    }

    public List<String> violations() {
        return violations;
    }

    /** One clock edge: see what happened at it, then drive the next. */
    private void tick() {
        observeWrite();
        observeRead();
        drive();
    }

    private void observeWrite() {
        boolean awValid = read(bus.aw().valid());
        boolean wValid = read(bus.w().valid());
        if (bValid && read(bus.b().ready())) {
            bValid = false;
            awAddress = null;
            wData = null;
        } else if (awAddress != null && awValid) {
            violations.add("cycle " + clock.cycle() + ": a second write address while the first is unanswered");
        }
        if (awReady && awValid) {
            awAddress = (int) readLong(bus.aw().payload().addr());
            writeOrder.add(awAddress);
        }
        if (wReady && wValid) {
            if (readLong(bus.w().payload().strb()) != 0xF) violations.add("cycle " + clock.cycle() + ": partial write strobe");
            wData = readLong(bus.w().payload().data());
        } else if (wData != null && wValid) {
            violations.add("cycle " + clock.cycle() + ": a second write data beat while the first is unanswered");
        }
        if (awAddress != null && wData != null && !bValid) {
            if (bDelay > 0) {
                bDelay--;
            } else {
                boolean fail = error.test(awAddress);
                if (!fail) words.put(awAddress, wData);
                bResp = fail ? SLVERR : 0;
                bValid = true;
                bDelay = latency();
            }
        }
    }

    private void observeRead() {
        boolean arValid = read(bus.ar().valid());
        if (rValid && read(bus.r().ready())) {
            rValid = false;
            arAddress = null;
        } else if (arAddress != null && arValid) {
            violations.add("cycle " + clock.cycle() + ": a second read address while the first is unanswered");
        }
        if (arReady && arValid) {
            arAddress = (int) readLong(bus.ar().payload().addr());
            readOrder.add(arAddress);
        }
        if (arAddress != null && !rValid) {
            if (rDelay > 0) {
                rDelay--;
            } else {
                boolean fail = error.test(arAddress);
                rData = fail ? 0 : words.getOrDefault(arAddress, 0L);
                rResp = fail ? SLVERR : 0;
                rValid = true;
                rDelay = latency();
            }
        }
    }

    private int latency() {
        return maxLatency == 0 ? 0 : random.nextInt(maxLatency + 1);
    }

    private void drive() {
        awReady = awAddress == null && chance();
        wReady = wData == null && chance();
        arReady = arAddress == null && chance();
        write(bus.aw().ready(), awReady);
        write(bus.w().ready(), wReady);
        write(bus.ar().ready(), arReady);
        write(bus.b().valid(), bValid);
        write(bus.b().payload().resp(), bResp);
        write(bus.r().valid(), rValid);
        write(bus.r().payload().data(), rData);
        write(bus.r().payload().resp(), rResp);
    }

    private boolean chance() {
        return random.nextInt(100) < readyPercent;
    }
}
