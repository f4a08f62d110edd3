package flowswitch.sim.tap;

import com.fasterxml.jackson.databind.ObjectMapper;
import flowswitch.driver.files.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a bridge's {@link BridgeStats} in a JSON file, rewritten whole each second while they change, so another
 * process (testbed status, a benchmark) can see what a running {@code sim run} carries and how fast it simulates.
 */
public final class BridgeStatsFile implements AutoCloseable {
    static final long PERIOD_MILLIS = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TapBridge bridge;
    private final Path file;
    private final ScheduledExecutorService timer;
    private BridgeStats written;

    private BridgeStatsFile(TapBridge bridge, Path file) {
        this.bridge = bridge;
        this.file = file;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bridge-stats " + file);
            t.setDaemon(true);
            return t;
        });
    }

    /** Writes the file now, then keeps it current until closed. */
    public static BridgeStatsFile start(TapBridge bridge, Path file) {
        BridgeStatsFile stats = new BridgeStatsFile(bridge, file);
        stats.update();
        stats.timer.scheduleAtFixedRate(stats::update, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        return stats;
    }

    /** @throws UncheckedIOException naming the file when it is missing or unreadable */
    public static BridgeStats read(Path file) {
        try {
            return JSON.readValue(file.toFile(), BridgeStats.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bridge statistics from " + file + ": " + e.getMessage(), e);
        }
    }

    /** Stops the updates and writes the final numbers. */
    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        update();
    }

    private synchronized void update() {
        BridgeStats now = bridge.stats();
        if (now.equals(written)) return;
        try {
            AtomicFile.write(file, JSON.writeValueAsString(now));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write bridge statistics to " + file, e);
        }
        written = now;
    }
}
