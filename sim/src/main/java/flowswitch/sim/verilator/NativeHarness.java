package flowswitch.sim.verilator;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;

/** The harness's C ABI as JNA sees it (see harness.cpp.template and sim/README-runner.md). */
interface NativeHarness extends Library {
    int fs_ports();

    int fs_data_bits();

    Pointer fs_create(String tracePath);

    void fs_free(Pointer model);

    String fs_fault(Pointer model);

    int fs_trace_open(Pointer model, String path);

    int fs_trace_close(Pointer model);

    int fs_reset(Pointer model, long cycles);

    long fs_cycles(Pointer model);

    int fs_step(Pointer model, long cycles);

    long fs_run_until_idle(Pointer model, long maxCycles, long quietCycles);

    int fs_push_frame(Pointer model, int port, byte[] bytes, int length, int tuser);

    int fs_pending_frames(Pointer model, int port);

    long fs_peek_frame_length(Pointer model, int port);

    long fs_pop_frame(Pointer model, int port, byte[] buffer, long capacity, LongByReference firstBeatCycle,
                      LongByReference lastBeatCycle, IntByReference aborted);

    int fs_set_ready_probability(Pointer model, int port, double probability, long seed);

    void fs_set_serial(Pointer model, int serial);

    long fs_input_stall_cycles(Pointer model, int port);

    void fs_record_input_starts(Pointer model, int on);

    int fs_pop_input_start(Pointer model, int port, LongByReference firstBeatCycle);

    long fs_output_keep_errors(Pointer model, int port);

    int fs_axil_read(Pointer model, int address, IntByReference data, IntByReference response, long timeoutCycles);

    int fs_axil_write(Pointer model, int address, int data, IntByReference response, long timeoutCycles);

    int fs_uart_set_clocks_per_bit(Pointer model, int clocksPerBit);

    int fs_uart_send(Pointer model, byte[] bytes, int length);

    long fs_uart_receive(Pointer model, byte[] buffer, long capacity);

    long fs_uart_framing_errors(Pointer model);
}
