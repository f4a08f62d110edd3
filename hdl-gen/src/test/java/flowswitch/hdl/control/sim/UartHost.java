package flowswitch.hdl.control.sim;

import static flowswitch.hdl.simtest.Signals.read;
import static flowswitch.hdl.simtest.Signals.write;

import flowswitch.hdl.simtest.SimClock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import spinal.core.Bool;

/**
 * The host end of an 8N1 serial line, bit-banged one clock at a time: drives the design's {@code uart_rxd}
 * and decodes its {@code uart_txd} by sampling the middle of each bit.
 */
public final class UartHost {
    private static final int BITS = 10;

    private final Bool toDevice;
    private final Bool fromDevice;
    private final int clocksPerBit;
    private final Deque<Boolean> line = new ArrayDeque<>();
    private final List<Integer> received = new ArrayList<>();
    private boolean lastLevel = true;
    // receiver: -1 idle, else clocks since the start bit's falling edge
    private int rxClock = -1;
    private int rxShift;
    private int framingErrors;

    public UartHost(SimClock clock, Bool toDevice, Bool fromDevice, int clocksPerBit) {
        this.toDevice = toDevice;
        this.fromDevice = fromDevice;
        this.clocksPerBit = clocksPerBit;
        write(toDevice, true);
        clock.onEachCycle(this::tick);
    }

    /** Queues bytes back to back: start bit, 8 data bits LSB first, stop bit. */
    public void send(byte[] bytes) {
        for (byte b : bytes) {
            level(false, clocksPerBit);
            for (int i = 0; i < 8; i++) level((b >> i & 1) != 0, clocksPerBit);
            level(true, clocksPerBit);
        }
    }

    /** Queues an idle line for {@code byteTimes} byte times. */
    public void pause(double byteTimes) {
        level(true, (int) Math.round(byteTimes * BITS * clocksPerBit));
    }

    public boolean sending() {
        return !line.isEmpty();
    }

    /** Clock cycles of line activity still queued. */
    public int queuedClocks() {
        return line.size();
    }

    /** Bytes decoded so far (not yet taken). */
    public int available() {
        return received.size();
    }

    /** Removes and returns the first {@code count} decoded bytes. */
    public byte[] take(int count) {
        byte[] out = new byte[count];
        for (int i = 0; i < count; i++) out[i] = (byte) (int) received.remove(0);
        return out;
    }

    public int framingErrors() {
        return framingErrors;
    }

    private void level(boolean high, int clocks) {
        for (int i = 0; i < clocks; i++) line.add(high);
    }

    /** One clock edge: see what happened at it, then drive the next. */
    private void tick() {
        boolean level = line.isEmpty() || line.poll();
        if (level != lastLevel) {
            write(toDevice, level);
            lastLevel = level;
        }
        receive(read(fromDevice));
    }

    private void receive(boolean txd) {
        if (rxClock < 0) {
            if (!txd) rxClock = 0;
            return;
        }
        rxClock++;
        if (rxClock % clocksPerBit != clocksPerBit / 2) return;
        int bit = rxClock / clocksPerBit;
        if (bit == 0) {
            if (txd) rxClock = -1; // a glitch, not a start bit
        } else if (bit <= 8) {
            if (txd) rxShift |= 1 << (bit - 1);
        } else {
            if (txd) received.add(rxShift); else framingErrors++;
            rxShift = 0;
            rxClock = -1;
        }
    }
}
