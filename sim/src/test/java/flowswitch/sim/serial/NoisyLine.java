package flowswitch.sim.serial;

import flowswitch.driver.transport.serial.SerialLine;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A line between a host and a device that damages it on purpose: it sits between two pseudo-terminal pairs and copies
 * bytes both ways, inserting bytes before, or flipping bits in, the frames it is told to. Frames are counted by
 * position: the host sends only 10-byte requests and the device only 8-byte responses.
 */
final class NoisyLine implements AutoCloseable {
    /** What to do to one frame: insert {@code before} ahead of it, XOR byte {@code at} with {@code mask}. */
    record Damage(byte[] before, int at, int mask) {
        static Damage insert(int... bytes) {
            byte[] b = new byte[bytes.length];
            for (int i = 0; i < bytes.length; i++) b[i] = (byte) bytes[i];
            return new Damage(b, 0, 0);
        }

        static Damage flip(int at, int mask) {
            return new Damage(new byte[0], at, mask);
        }
    }

    private final PseudoTerminalPair hostSide;
    private final PseudoTerminalPair deviceSide;
    private final SerialLine towardHost;
    private final SerialLine towardDevice;
    private final Map<Integer, Damage> requests = new ConcurrentHashMap<>();
    private final Map<Integer, Damage> responses = new ConcurrentHashMap<>();
    private final Thread up;
    private final Thread down;
    private volatile boolean running = true;

    /** The host opens {@link #hostEnd()}; the device (a {@link UartLink}) opens {@link #deviceEnd()}. */
    NoisyLine(Path hostEnd) {
        hostSide = PseudoTerminalPair.create(hostEnd);
        try {
            deviceSide = PseudoTerminalPair.create(hostEnd.resolveSibling(hostEnd.getFileName() + ".device"));
        } catch (RuntimeException e) {
            hostSide.close();
            throw e;
        }
        SerialLine host = null;
        try {
            host = SerialLine.open("noisy-line", hostSide.deviceEnd().toString(), 115_200);
            towardDevice = SerialLine.open("noisy-line", deviceSide.hostEnd().toString(), 115_200);
        } catch (RuntimeException e) {
            if (host != null) host.close();
            deviceSide.close();
            hostSide.close();
            throw e;
        }
        towardHost = host;
        up = new Thread(() -> copy(towardHost, towardDevice, 10, requests), "noisy-line up");
        down = new Thread(() -> copy(towardDevice, towardHost, 8, responses), "noisy-line down");
        up.start();
        down.start();
    }

    Path hostEnd() {
        return hostSide.hostEnd();
    }

    Path deviceEnd() {
        return deviceSide.deviceEnd();
    }

    /** Damages the host's request number {@code index} (counted from 0, retries included). */
    void damageRequest(int index, Damage damage) {
        requests.put(index, damage);
    }

    /** Damages the device's response number {@code index} (counted from 0). */
    void damageResponse(int index, Damage damage) {
        responses.put(index, damage);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        up.join();
        down.join();
        towardHost.close();
        towardDevice.close();
        hostSide.close();
        deviceSide.close();
    }

    private void copy(SerialLine from, SerialLine to, int frameLength, Map<Integer, Damage> damages) {
        byte[] chunk = new byte[256];
        long position = 0;
        while (running) {
            int n = from.read(chunk, 0, chunk.length, Duration.ofMillis(50));
            if (n == 0) continue;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < n; i++, position++) {
                Damage d = damages.get((int) (position / frameLength));
                int offset = (int) (position % frameLength);
                if (d != null && offset == 0) out.writeBytes(d.before());
                out.write(d != null && offset == d.at() ? chunk[i] ^ d.mask() : chunk[i]);
            }
            to.write(out.toByteArray());
        }
    }
}
