package flowswitch.hdl.control.uart;

/**
 * Timing of the UART register bridge: the line's bit time in clock cycles, and how long the line may stay quiet
 * inside a request before the receiver drops the partial frame (in byte times, one byte time being 10 bits).
 */
public record UartBridgeConfig(int clocksPerBit, int frameGapBytes) {
    /** spinal.lib's UartCtrl samples each bit this many times (1 settle, 3 voted, 1 settle); see {@link #clockDivider}. */
    public static final int SAMPLES_PER_BIT = 5;
    public static final int BITS_PER_BYTE = 10;
    public static final int DEFAULT_FRAME_GAP_BYTES = 32;
    /** Beyond about 2% of bit-time error per side, start-bit resynchronisation no longer covers a 10-bit byte. */
    private static final double MAX_RATE_ERROR = 0.02;
    private static final int MAX_FRAME_GAP_BYTES = 4096;

    /** @throws IllegalArgumentException naming the field, the value and what would work */
    public UartBridgeConfig {
        if (clocksPerBit < SAMPLES_PER_BIT) {
            throw new IllegalArgumentException("uartClocksPerBit " + clocksPerBit + " is below " + SAMPLES_PER_BIT
                    + ": the UART samples every bit " + SAMPLES_PER_BIT + " times, so a bit needs at least that many clocks");
        }
        int actual = SAMPLES_PER_BIT * (Math.round((float) clocksPerBit / SAMPLES_PER_BIT));
        double error = Math.abs(actual - clocksPerBit) / (double) clocksPerBit;
        if (error > MAX_RATE_ERROR) {
            throw new IllegalArgumentException(String.format("uartClocksPerBit %d becomes %d (a multiple of %d), a %.1f%%"
                    + " baud error; use a multiple of %d or a slower baud rate", clocksPerBit, actual, SAMPLES_PER_BIT,
                    100 * error, SAMPLES_PER_BIT));
        }
        if (frameGapBytes < 1 || frameGapBytes > MAX_FRAME_GAP_BYTES) {
            throw new IllegalArgumentException("uartFrameGapBytes " + frameGapBytes + " is outside 1.." + MAX_FRAME_GAP_BYTES);
        }
    }

    /**
     * Clock cycles per bit for {@code baud} at {@code clockHz}, rounded.
     *
     * @throws IllegalArgumentException when either is not positive
     */
    public static int clocksPerBit(long clockHz, long baud) {
        if (clockHz <= 0 || baud <= 0) {
            throw new IllegalArgumentException("clock " + clockHz + " Hz and baud " + baud + " must both be positive");
        }
        return Math.toIntExact(Math.round((double) clockHz / baud));
    }

    /** UartCtrl's divider: a sampling tick every {@code clockDivider + 1} clocks. */
    public int clockDivider() {
        return Math.round((float) clocksPerBit / SAMPLES_PER_BIT) - 1;
    }

    /** The bit time the hardware really has, after rounding to whole sampling ticks. */
    public int actualClocksPerBit() {
        return SAMPLES_PER_BIT * (clockDivider() + 1);
    }

    /**
     * Clocks without a new byte after which a partial request is dropped: the byte time of the next byte plus
     * {@code frameGapBytes} byte times of silence.
     */
    public long gapClocks() {
        return (frameGapBytes + 1L) * BITS_PER_BYTE * actualClocksPerBit();
    }
}
