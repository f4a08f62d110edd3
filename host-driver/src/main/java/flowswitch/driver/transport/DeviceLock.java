package flowswitch.driver.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * Exclusive use of one device by one process at a time, for as long as a command runs: an fcntl lock on a lock file
 * named after the file the device is reached through ({@link DeviceAddress#resource()}, symbolic links resolved),
 * so two fsctl runs never interleave their multi-register updates. The lock goes when the process does, however it
 * ends; the file stays (removing it would let a waiter and a newcomer lock two different files). Different
 * transports to one board (serial and PCIe) are different addresses and do not exclude each other.
 */
public final class DeviceLock implements AutoCloseable {
    /** /run/lock is where Linux keeps device locks (world-writable, sticky); elsewhere the temporary directory. */
    public static final Path DEFAULT_DIRECTORY = Files.isDirectory(Path.of("/run/lock"))
            && Files.isWritable(Path.of("/run/lock")) ? Path.of("/run/lock") : Path.of(System.getProperty("java.io.tmpdir"));
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 20;
    /** Of the device's path in a lock file name; the hash keeps names unique when a long path is cut. */
    private static final int MAX_NAME_CHARS = 100;
    /**
     * One holder per lock file within this JVM, in front of the file lock: closing any channel of a file drops every
     * fcntl lock the process holds on it, so a second channel must not even be opened while one thread holds it.
     */
    private static final ConcurrentHashMap<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();

    private final Semaphore local;
    private final FileChannel channel;
    private final Path file;
    private boolean closed;

    private DeviceLock(Semaphore local, FileChannel channel, Path file) {
        this.local = local;
        this.channel = channel;
        this.file = file;
    }

    /**
     * Where the lock of {@code address} lives: a simulator's next to its socket (both go with the simulation's
     * directory), a board's in {@link #DEFAULT_DIRECTORY}.
     */
    public static Path directoryFor(DeviceAddress address) {
        return address instanceof DeviceAddress.Sim sim ? sim.socket().toAbsolutePath().getParent() : DEFAULT_DIRECTORY;
    }

    /**
     * Takes the lock of {@code address} in {@code directory}, waiting up to {@code wait} while another process (or
     * another thread of this one) holds it.
     *
     * @throws DeviceException when the wait runs out, naming the holder's process id and the lock file
     */
    public static DeviceLock acquire(DeviceAddress address, Path directory, Duration wait) {
        Path file = directory.resolve(fileName(address)).toAbsolutePath().normalize();
        long deadline = System.nanoTime() + wait.toNanos();
        Semaphore local = IN_PROCESS.computeIfAbsent(file, f -> new Semaphore(1));
        try {
            if (!local.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw busy(address, "another thread of this process", wait, file);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException(address.toString(), "lock", "interrupted while waiting for " + file, e);
        }
        FileChannel channel = null;
        try {
            channel = openLockFile(address, file);
            while (channel.tryLock() == null) {
                if (System.nanoTime() >= deadline) throw busy(address, holder(channel), wait, file);
                Thread.sleep(POLL_MILLIS);
            }
            recordHolder(channel);
            return new DeviceLock(local, channel, file);
        } catch (IOException e) {
            release(local, channel);
            throw new DeviceException(address.toString(), "lock", "cannot lock " + file + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            release(local, channel);
            Thread.currentThread().interrupt();
            throw new DeviceException(address.toString(), "lock", "interrupted while waiting for " + file, e);
        } catch (RuntimeException e) {
            release(local, channel);
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    /** Releases the lock (closing its channel does that), then lets the next thread of this process have it. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            release(local, channel);
        }
    }

    /** {@code flowswitch-<kind>-<real path, / as _>-<hash of the real path>.lock}: readable, and one per device. */
    static String fileName(DeviceAddress address) {
        Path resource = address.resource().toAbsolutePath().normalize();
        try {
            resource = resource.toRealPath();
        } catch (IOException e) {
            // Not there (yet): the open that follows will say so; its absolute path still names it.
        }
        CRC32 crc = new CRC32();
        crc.update(resource.toString().getBytes(StandardCharsets.UTF_8));
        String kind = address.toString().substring(0, address.toString().indexOf(':'));
        String name = resource.toString().substring(1).replaceAll("[^A-Za-z0-9._-]", "_");
        String tail = name.substring(Math.max(0, name.length() - MAX_NAME_CHARS));
        return String.format("flowswitch-%s-%s-%08x.lock", kind, tail, crc.getValue());
    }

    private static FileChannel openLockFile(DeviceAddress address, Path file) {
        try {
            boolean created = !Files.exists(file);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            if (created) {
                // Other users of the device (any account that can open it) must be able to lock it too.
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
            }
            return channel;
        } catch (IOException e) {
            throw new DeviceException(address.toString(), "lock", "cannot open lock file " + file + ": " + e
                    + "; check that its directory is writable", e);
        }
    }

    private static DeviceException busy(DeviceAddress address, String holder, Duration wait, Path file) {
        return new DeviceException(address.toString(), "lock", "in use by " + holder + " (lock file " + file
                + "); gave up after " + wait.toMillis() / 1000.0 + " s: let it finish, or give --wait more seconds");
    }

    private static void recordHolder(FileChannel channel) throws IOException {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(false);
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
        return pid.isEmpty() ? "another process" : "process " + pid;
    }

    private static void release(Semaphore local, FileChannel channel) {
        try {
            if (channel != null) channel.close();
        } catch (IOException e) {
            // The descriptor is gone either way, and the lock with it.
        } finally {
            local.release();
        }
    }
}
