package flowswitch.sim.verilator;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One running instance of a compiled switch model. Work is packet-level: push whole frames into per-port
 * input queues, run the clock, pop whole frames from per-port output queues; the C++ harness drives and
 * samples the AXI4-Stream ports every cycle (one beat per cycle while tready is high).
 * <p>
 * Several models, of the same or of different libraries, may be open in one JVM. An instance is not
 * thread-safe: use it from one thread at a time. Close it to free the native model.
 */
public final class VerilatedModel implements AutoCloseable {
    /** Idle cycles serial mode leaves between one input frame's last beat and the next frame's first. */
    public static final long SERIAL_GAP_CYCLES = 4;

    /** Cycles an AXI4-Lite transaction may take before it is abandoned. */
    public static final long AXIL_TIMEOUT_CYCLES = 1000;
    /** Cycles without any stream activity that {@link #runUntilIdle(long)} takes as "idle". */
    public static final long DEFAULT_QUIET_CYCLES = 1000;
    private static final int MAX_ADDRESS = 0xFFFF;
    // <dlfcn.h> on Linux. RTLD_LOCAL (0) keeps each library's symbols to itself: every model library defines the
    // same Verilated classes with different layouts, and JNA's default (RTLD_GLOBAL) would let them bind to each other.
    private static final int RTLD_NOW = 2;
    private static final int RTLD_LOCAL = 0;

    private final NativeHarness lib;
    private final TopLevel top;
    private final TraceFormat traceFormat;
    private Pointer handle;

    private VerilatedModel(NativeHarness lib, TopLevel top, TraceFormat traceFormat, Pointer handle) {
        this.lib = lib;
        this.top = top;
        this.traceFormat = traceFormat;
        this.handle = handle;
    }

    static VerilatedModel open(BuiltModel built) {
        Path library = built.library().toAbsolutePath();
        if (!Files.isRegularFile(library)) {
            throw new IllegalStateException(library + " is missing; the cache entry was removed, build the model again");
        }
        NativeHarness lib = Native.load(library.toString(), NativeHarness.class,
                Map.of(Library.OPTION_OPEN_FLAGS, RTLD_NOW | RTLD_LOCAL));
        TopLevel top = built.top();
        if (lib.fs_ports() != top.ports() || lib.fs_data_bits() != top.dataWidth()) {
            throw new IllegalStateException(library + " was built for " + lib.fs_ports() + " ports of "
                    + lib.fs_data_bits() + " bits, not for " + top + "; delete " + built.directory() + " and build again");
        }
        Pointer handle = lib.fs_create(null);
        if (handle == null) {
            throw new SimulationException("the model in " + library + " could not be created (out of memory?)");
        }
        return new VerilatedModel(lib, top, built.trace(), handle);
    }

    public TopLevel top() {
        return top;
    }

    /** Holds {@code rst} high for {@code cycles} cycles. Queued frames and a pending transaction are dropped. */
    public void reset(int cycles) {
        if (cycles < 1) {
            throw new IllegalArgumentException("reset needs at least 1 cycle, got " + cycles);
        }
        check(lib.fs_reset(handle(), cycles));
    }

    /** Cycles run since the model was created (resets included). */
    public long cycles() {
        return lib.fs_cycles(handle());
    }

    public void step(long cycles) {
        checkCount("cycles", cycles);
        check(lib.fs_step(handle(), cycles));
    }

    /**
     * Runs until every input queue is empty and no output has offered a beat for {@link #DEFAULT_QUIET_CYCLES}
     * cycles; returns the cycles run.
     *
     * @throws SimulationException if that does not happen within {@code maxCycles}
     */
    public long runUntilIdle(long maxCycles) {
        return runUntilIdle(maxCycles, DEFAULT_QUIET_CYCLES);
    }

    /** As {@link #runUntilIdle(long)}, with the length of the quiet period that counts as idle. */
    public long runUntilIdle(long maxCycles, long quietCycles) {
        checkCount("maxCycles", maxCycles);
        if (quietCycles < 1) {
            throw new IllegalArgumentException("quietCycles must be at least 1, got " + quietCycles);
        }
        long run = lib.fs_run_until_idle(handle(), maxCycles, quietCycles);
        if (NativeStatus.of(run) == NativeStatus.TIMEOUT) {
            List<Integer> queued = new ArrayList<>();
            for (int p = 0; p < top.ports(); p++) {
                queued.add(pendingFrames(p));
            }
            throw new SimulationException("the model did not go idle within " + maxCycles + " cycles (input frames"
                    + " still queued per port: " + queued + "); an output may be blocked (ready probability 0?)"
                    + " or the design is stuck");
        }
        check(run);
        return run;
    }

    public void pushFrame(int port, byte[] frame) {
        pushFrame(port, frame, false);
    }

    /** Queues a frame on input {@code port}; {@code bad} sets tuser on its last beat (a frame the MAC rejected). */
    public void pushFrame(int port, byte[] frame, boolean bad) {
        checkPort(port);
        if (frame.length == 0) {
            throw new IllegalArgumentException("a frame needs at least one byte (AXI4-Stream has no empty frames)");
        }
        check(lib.fs_push_frame(handle(), port, frame, frame.length, bad ? 1 : 0));
    }

    /** Frames queued on input {@code port} and not yet fully accepted by the design. */
    public int pendingFrames(int port) {
        checkPort(port);
        return lib.fs_pending_frames(handle(), port);
    }

    /** The oldest frame that left the design on output {@code port}, if any, aborted ones too. */
    public Optional<EgressFrame> popFrame(int port) {
        checkPort(port);
        long length = lib.fs_peek_frame_length(handle(), port);
        if (NativeStatus.of(length) == NativeStatus.EMPTY) {
            return Optional.empty();
        }
        check(length);
        byte[] data = new byte[Math.toIntExact(length)];
        LongByReference first = new LongByReference();
        LongByReference last = new LongByReference();
        IntByReference aborted = new IntByReference();
        check(lib.fs_pop_frame(handle(), port, data, data.length, first, last, aborted));
        return Optional.of(new EgressFrame(port, data, first.getValue(), last.getValue(), aborted.getValue() != 0));
    }

    /** Every frame that has left the design on output {@code port}, oldest first. */
    public List<EgressFrame> popFrames(int port) {
        List<EgressFrame> frames = new ArrayList<>();
        for (Optional<EgressFrame> f = popFrame(port); f.isPresent(); f = popFrame(port)) {
            frames.add(f.get());
        }
        return frames;
    }

    /**
     * Random backpressure on output {@code port}: each cycle its tready is high with {@code probability}
     * (1 by default), from a generator seeded with {@code seed} so a run can be repeated.
     */
    public void setReadyProbability(int port, double probability, long seed) {
        checkPort(port);
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("ready probability must be in [0, 1], got " + probability);
        }
        check(lib.fs_set_ready_probability(handle(), port, probability, seed));
    }

    /**
     * In serial mode input frames are driven strictly in push order across all ports: a frame starts only after
     * the previously pushed frame was fully accepted and a few idle cycles passed (a cut-through switch may decide a
     * frame on its first beat; the gap lets the previous frame's decision be taken first), so the design decides
     * frames in a known order (for golden-model comparison). Off by default: every port is driven at full rate in
     * parallel.
     */
    public void setSerial(boolean serial) {
        lib.fs_set_serial(handle(), serial ? 1 : 0);
    }

    /** Cycles input {@code port} had a beat to send but saw tready low. */
    public long inputStallCycles(int port) {
        checkPort(port);
        return lib.fs_input_stall_cycles(handle(), port);
    }

    /**
     * Starts (or stops) recording the cycle at which each input frame's first beat is accepted, for latency
     * measurements; off by default so long runs do not accumulate them.
     */
    public void recordInputStarts(boolean on) {
        lib.fs_record_input_starts(handle(), on ? 1 : 0);
    }

    /** The first-beat cycle of the oldest recorded input frame of {@code port}, in the order frames entered. */
    public java.util.OptionalLong popInputStart(int port) {
        checkPort(port);
        LongByReference cycle = new LongByReference();
        int status = lib.fs_pop_input_start(handle(), port, cycle);
        return status == 0 ? java.util.OptionalLong.of(cycle.getValue()) : java.util.OptionalLong.empty();
    }

    /**
     * Beats output {@code port} sent against the stream contract (a non-last beat not full, or a last beat
     * whose tkeep is not contiguous from lane 0). Zero for a correct design.
     */
    public long outputKeepErrors(int port) {
        checkPort(port);
        return lib.fs_output_keep_errors(handle(), port);
    }

    /**
     * Reads a register over AXI4-Lite, running the clock (streams keep moving meanwhile).
     *
     * @throws AxiLiteException on an error response or when no response comes within {@link #AXIL_TIMEOUT_CYCLES}
     */
    public int axilRead(int address) {
        checkAddress(address);
        IntByReference data = new IntByReference();
        IntByReference response = new IntByReference();
        int status = lib.fs_axil_read(handle(), address, data, response, AXIL_TIMEOUT_CYCLES);
        checkAxil(status, response, "read", address);
        return data.getValue();
    }

    /** Writes a register over AXI4-Lite (all byte strobes set); errors as for {@link #axilRead(int)}. */
    public void axilWrite(int address, int data) {
        checkAddress(address);
        IntByReference response = new IntByReference();
        int status = lib.fs_axil_write(handle(), address, data, response, AXIL_TIMEOUT_CYCLES);
        checkAxil(status, response, "write", address);
    }

    /**
     * Starts writing a waveform of every signal to {@code file} (replacing a trace already open). The model must
     * have been built with that format; the file's extension must match it.
     */
    public void enableTrace(Path file) {
        String extension = "." + traceFormat.name().toLowerCase();
        if (traceFormat == TraceFormat.NONE) {
            throw new IllegalStateException("this model was built without tracing; build it with"
                    + " ModelBuilder.withTrace(TraceFormat.VCD or FST) to get waveforms");
        }
        if (!file.getFileName().toString().endsWith(extension)) {
            throw new IllegalArgumentException("trace file " + file + " must end in " + extension
                    + ": the model was built for " + traceFormat);
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory for trace file " + file, e);
        }
        check(lib.fs_trace_open(handle(), file.toAbsolutePath().toString()));
    }

    /** Stops tracing and completes the file; nothing happens if no trace is open. */
    public void disableTrace() {
        if (traceFormat != TraceFormat.NONE) {
            check(lib.fs_trace_close(handle()));
        }
    }

    /** Sets the UART's bit time (in clock cycles) for both directions, 8N1; must match the design's divisor. */
    public void uartConfigure(int clocksPerBit) {
        if (clocksPerBit < 2) {
            throw new IllegalArgumentException("clocksPerBit must be at least 2, got " + clocksPerBit);
        }
        if (NativeStatus.of(lib.fs_uart_set_clocks_per_bit(handle(), clocksPerBit)) != NativeStatus.OK) {
            throw new IllegalStateException("cannot change the UART bit time while a byte is being sent or received;"
                    + " run the clock until the UART is quiet first");
        }
    }

    /** Queues bytes to be sent to the design on {@code uart_rxd}; they go out while the clock runs. */
    public void uartSend(byte[] bytes) {
        if (NativeStatus.of(lib.fs_uart_send(handle(), bytes, bytes.length)) != NativeStatus.OK) {
            throw new IllegalStateException("the UART is not configured; call uartConfigure first");
        }
    }

    /** Bytes the design has sent on {@code uart_txd} since the last call. */
    public byte[] uartReceive() {
        byte[] buffer = new byte[4096];
        List<byte[]> chunks = new ArrayList<>();
        int total = 0;
        for (long n = lib.fs_uart_receive(handle(), buffer, buffer.length); n > 0;
             n = lib.fs_uart_receive(handle(), buffer, buffer.length)) {
            chunks.add(Arrays.copyOf(buffer, (int) n));
            total += (int) n;
        }
        byte[] out = new byte[total];
        int at = 0;
        for (byte[] c : chunks) {
            System.arraycopy(c, 0, out, at, c.length);
            at += c.length;
        }
        return out;
    }

    /** Bytes from the design whose stop bit was low (a bit-time mismatch, usually). */
    public long uartFramingErrors() {
        return lib.fs_uart_framing_errors(handle());
    }

    @Override
    public void close() {
        if (handle != null) {
            lib.fs_free(handle);
            handle = null;
        }
    }

    private Pointer handle() {
        if (handle == null) {
            throw new IllegalStateException("this model is closed; open a new one from its BuiltModel");
        }
        return handle;
    }

    private long check(long status) {
        switch (NativeStatus.of(status)) {
            case OK:
                return status;
            case FAULT:
                throw new SimulationException("the simulation stopped: " + lib.fs_fault(handle)
                        + "; this model instance is unusable now, open a new one");
            case NO_TRACE:
                throw new IllegalStateException("the library was compiled without tracing");
            default:
                throw new IllegalStateException("unexpected harness status " + NativeStatus.of(status));
        }
    }

    private void checkAxil(int status, IntByReference response, String operation, int address) {
        if (NativeStatus.of(status) == NativeStatus.TIMEOUT) {
            throw AxiLiteException.timeout(operation, address, AXIL_TIMEOUT_CYCLES);
        }
        check(status);
        AxiLiteResponse r = AxiLiteResponse.of(response.getValue());
        if (r != AxiLiteResponse.OKAY) {
            throw AxiLiteException.error(operation, address, r);
        }
    }

    private void checkPort(int port) {
        if (port < 0 || port >= top.ports()) {
            throw new IllegalArgumentException("port " + port + " does not exist: " + top.name() + " has ports 0.."
                    + (top.ports() - 1));
        }
    }

    private static void checkAddress(int address) {
        if (address < 0 || address > MAX_ADDRESS) {
            throw new IllegalArgumentException(String.format("AXI4-Lite address 0x%X is outside the 16-bit"
                    + " register space", address));
        }
    }

    private static void checkCount(String what, long n) {
        if (n < 0) {
            throw new IllegalArgumentException(what + " must not be negative, got " + n);
        }
    }
}
