package flowswitch.driver.transport.serial;

import flowswitch.driver.transport.DeviceException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import jssc.SerialPort;
import jssc.SerialPortException;

/**
 * A serial port (or a pseudo-terminal) opened through jssc, 8N1 at a given baud rate, with reads that wait a bounded
 * time. Not thread safe: one owner at a time.
 */
public final class SerialLine implements AutoCloseable {
    // jssc's own timed read spins on the CPU until the bytes arrive; polling with a growing pause costs a few
    // microseconds of latency instead, which matters on a machine that also runs the simulator.
    private static final long FIRST_PAUSE_NANOS = 20_000;
    private static final long LONGEST_PAUSE_NANOS = 1_000_000;

    private final String device;
    private final SerialPort port;

    private SerialLine(String device, SerialPort port) {
        this.device = device;
        this.port = port;
    }

    /**
     * Opens {@code portName} for exclusive use at {@code baud}, 8N1, and discards whatever was waiting in it.
     *
     * @param device how messages name the line (fsctl's --device form)
     * @throws DeviceException naming the port and why it cannot be opened
     */
    public static SerialLine open(String device, String portName, int baud) {
        SerialPort port = new SerialPort(portName);
        try {
            port.openPort();
        } catch (SerialPortException e) {
            throw new DeviceException(device, "open", openProblem(e, portName), e);
        }
        SerialLine line = new SerialLine(device, port);
        try {
            // jssc reports failure when it cannot set RTS/DTR after applying the line settings; a pseudo-terminal
            // has no modem lines, so there the line settings are what counts, and they took.
            if (!port.setParams(baud, SerialPort.DATABITS_8, SerialPort.STOPBITS_1, SerialPort.PARITY_NONE)
                    && !isPseudoTerminal(portName)) {
                throw new DeviceException(device, "open", "the port refused " + baud + " baud, 8N1");
            }
            line.discardInput();
            return line;
        } catch (SerialPortException | RuntimeException e) {
            line.close();
            throw e instanceof DeviceException d ? d : new DeviceException(device, "open", e.getMessage(), e);
        }
    }

    public String device() {
        return device;
    }

    public void write(byte[] bytes) {
        try {
            if (!port.writeBytes(bytes)) {
                throw new DeviceException(device, "write", "the port accepted only part of " + bytes.length + " bytes");
            }
        } catch (SerialPortException e) {
            throw new DeviceException(device, "write", e.getExceptionType() + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Copies the bytes that have arrived, at most {@code max}, into {@code buffer} from {@code offset}, waiting up to
     * {@code timeout} for the first one.
     *
     * @return how many bytes were copied; 0 when none arrived in time
     */
    public int read(byte[] buffer, int offset, int max, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_PAUSE_NANOS;
        try {
            for (int available = port.getInputBufferBytesCount(); ; available = port.getInputBufferBytesCount()) {
                if (available < 0) {
                    throw new DeviceException(device, "read", "the port no longer exists for the kernel (unplugged?)");
                }
                if (available > 0) {
                    byte[] bytes = port.readBytes(Math.min(available, max));
                    System.arraycopy(bytes, 0, buffer, offset, bytes.length);
                    return bytes.length;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) return 0;
                LockSupport.parkNanos(Math.min(pause, left));
                pause = Math.min(2 * pause, LONGEST_PAUSE_NANOS);
            }
        } catch (SerialPortException e) {
            throw new DeviceException(device, "read", e.getExceptionType() + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads and drops everything that arrives until the line has been quiet for {@code quiet}, for at most
     * {@code 10 * quiet} in all (a babbling line never goes quiet).
     *
     * @return how many bytes were dropped
     */
    public long drainUntilQuiet(Duration quiet) {
        long giveUp = System.nanoTime() + 10 * quiet.toNanos();
        byte[] sink = new byte[256];
        long dropped = 0;
        for (int n = read(sink, 0, sink.length, quiet); n > 0; n = read(sink, 0, sink.length, quiet)) {
            dropped += n;
            if (System.nanoTime() >= giveUp) break;
        }
        return dropped;
    }

    /** Drops whatever has arrived and not been read. */
    public void discardInput() {
        try {
            port.purgePort(SerialPort.PURGE_RXCLEAR);
        } catch (SerialPortException e) {
            throw new DeviceException(device, "discard input", e.getExceptionType() + " (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() {
        try {
            port.closePort();
        } catch (SerialPortException e) {
            // Closing a port we are done with: the descriptor is gone either way.
        }
    }

    private static boolean isPseudoTerminal(String portName) {
        try {
            return Path.of(portName).toRealPath().startsWith("/dev/pts");
        } catch (IOException e) {
            return false;
        }
    }

    private static String openProblem(SerialPortException e, String portName) {
        String type = e.getExceptionType();
        if (SerialPortException.TYPE_PORT_NOT_FOUND.equals(type)) {
            return portName + " does not exist; check the cable and the name (ls /dev/ttyUSB* /dev/ttyACM*)";
        }
        if (SerialPortException.TYPE_PORT_BUSY.equals(type)) {
            return portName + " is open in another program (a terminal, another fsctl?); close it first";
        }
        if (SerialPortException.TYPE_PERMISSION_DENIED.equals(type)) {
            return "no permission to open " + portName + "; add the user to the group that owns it (usually dialout)";
        }
        if (SerialPortException.TYPE_INCORRECT_SERIAL_PORT.equals(type)) {
            return portName + " is not a serial port";
        }
        return type + " (" + e.getMessage() + ")";
    }
}
