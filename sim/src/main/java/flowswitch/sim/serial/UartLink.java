package flowswitch.sim.serial;

import static flowswitch.sim.device.SimulatedSwitch.UART;

import flowswitch.driver.transport.serial.SerialLine;
import flowswitch.hdl.control.uart.UartBridgeConfig;
import flowswitch.sim.device.SimulatedSwitch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Connects a simulated switch's UART pins to a serial line (the device end of a {@link PseudoTerminalPair}), so a
 * host drives the real RTL's UART bridge through a tty. Bytes from the line are shifted into {@code uart_rxd} bit by
 * bit, the clock runs until the UART is quiet, and what the design sent on {@code uart_txd} goes back to the line.
 * <p>
 * Simulated time passes only while bytes are in flight, so the host's own pauses are handed to the model explicitly:
 * once the line has been silent for {@link #SILENCE}, the clock runs for the bridge's frame gap, and a request the
 * host left unfinished is dropped as it would be on a board.
 */
public final class UartLink implements AutoCloseable {
    /** Real time without bytes after which the model is shown a silent line; below any host's resend pause. */
    public static final Duration SILENCE = Duration.ofMillis(2);
    /** How often an idle link looks whether it should stop. */
    private static final Duration IDLE_POLL = Duration.ofMillis(100);
    /** Byte times of quiet after which the design is taken to have finished answering (it answers within one). */
    private static final int QUIET_BYTE_TIMES = 2;

    private final SimulatedSwitch sw;
    private final SerialLine line;
    private final Consumer<RuntimeException> onFailure;
    private final Thread thread;
    private volatile boolean running = true;

    private UartLink(SimulatedSwitch sw, SerialLine line, Consumer<RuntimeException> onFailure) {
        this.sw = sw;
        this.line = line;
        this.onFailure = onFailure;
        this.thread = new Thread(this::run, "uart-link " + line.device());
        thread.setDaemon(true);
    }

    /**
     * Opens {@code port} and starts moving bytes in a thread of its own.
     *
     * @param onFailure told when the link stops on an error (the simulation faulted, the line broke)
     */
    public static UartLink start(SimulatedSwitch sw, Path port, Consumer<RuntimeException> onFailure) {
        // The baud rate of a pseudo-terminal is not used for anything; the model's bit time is SimulatedSwitch.UART.
        SerialLine line = SerialLine.open("uart-link:" + port, port.toString(), 115_200);
        UartLink link = new UartLink(sw, line, onFailure);
        link.thread.start();
        return link;
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        line.close();
    }

    private void run() {
        byte[] chunk = new byte[256];
        boolean silenceShown = true;
        try {
            while (running) {
                int n = line.read(chunk, 0, chunk.length, silenceShown ? IDLE_POLL : SILENCE);
                if (n > 0) {
                    byte[] bytes = Arrays.copyOf(chunk, n);
                    send(sw.exclusive(model -> {
                        model.uartSend(bytes);
                        model.runUntilIdle(budget(n), QUIET_BYTE_TIMES * byteClocks());
                        return model.uartReceive();
                    }));
                    silenceShown = false;
                } else if (!silenceShown) {
                    send(sw.exclusive(model -> {
                        model.step(UART.gapClocks() + byteClocks());
                        return model.uartReceive();
                    }));
                    silenceShown = true;
                }
            }
        } catch (RuntimeException e) {
            running = false;
            onFailure.accept(e);
        }
    }

    private void send(byte[] reply) {
        if (reply.length > 0) line.write(reply);
    }

    private long byteClocks() {
        return UartBridgeConfig.BITS_PER_BYTE * (long) UART.actualClocksPerBit();
    }

    /** Cycles to shift {@code bytes} in and every response they may cause out, with room to spare. */
    private long budget(int bytes) {
        return 4 * (bytes + 64) * byteClocks() + 100_000;
    }
}
