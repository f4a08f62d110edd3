package flowswitch.sim.tap;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A Linux TAP device, opened through {@code /dev/net/tun} as {@code IFF_TAP | IFF_NO_PI}: each read returns one whole
 * Ethernet frame (no FCS, no packet-information header) that the kernel sent out of the interface, each write hands
 * one frame to the kernel as if it had arrived on the interface. The device exists while it is open (unless it was
 * made persistent beforehand with {@code ip tuntap add}) and may be moved to another network namespace meanwhile.
 * <p>
 * Reads never block: wait for a frame with {@link TapPoller}. Use an instance from one thread at a time.
 */
public final class TapDevice implements AutoCloseable {
    public static final Path CLONE_DEVICE = Path.of("/dev/net/tun");
    /** IFNAMSIZ less the terminating NUL. */
    public static final int MAX_NAME_LENGTH = 15;
    /** Larger than any frame of any MTU a TAP accepts, so a read never truncates. */
    static final int MAX_FRAME_BYTES = 65_536;

    // <fcntl.h> and <linux/if_tun.h>, the same on every Linux architecture this runs on (x86_64, aarch64).
    private static final int O_RDWR = 2;
    private static final int O_NONBLOCK = 0x800;
    private static final int O_CLOEXEC = 0x80000;
    private static final long TUNSETIFF = 0x400454caL;
    private static final short IFF_TAP = 0x0002;
    private static final short IFF_NO_PI = 0x1000;
    // struct ifreq: char ifr_name[16], then a union whose first member here is short ifr_flags; 40 bytes in all.
    private static final int IFREQ_BYTES = 40;
    private static final int IFREQ_FLAGS_OFFSET = 16;

    private final String name;
    private final int fd;
    private final Memory readBuffer = new Memory(MAX_FRAME_BYTES);
    private final Memory writeBuffer = new Memory(MAX_FRAME_BYTES);
    private boolean closed;

    private TapDevice(String name, int fd) {
        this.name = name;
        this.fd = fd;
    }

    /**
     * Opens the TAP device {@code name}, creating it if it does not exist.
     *
     * @throws IllegalArgumentException if {@code name} is not a valid interface name
     * @throws TapException if /dev/net/tun is missing or not accessible, the caller may not create devices, or
     *                      {@code name} is in use (by another process, or by a device that is not a TAP)
     */
    public static TapDevice open(String name) {
        checkName(name);
        int fd = openCloneDevice();
        Memory ifreq = new Memory(IFREQ_BYTES);
        ifreq.clear();
        ifreq.setString(0, name, "US-ASCII");
        ifreq.setShort(IFREQ_FLAGS_OFFSET, (short) (IFF_TAP | IFF_NO_PI));
        if (LibC.INSTANCE.ioctl(fd, new NativeLong(TUNSETIFF), ifreq) < 0) {
            Errno errno = Errno.last();
            String detail = Errno.describeLast();
            LibC.INSTANCE.close(fd);
            throw new TapException(switch (errno) {
                case EPERM, EACCES -> "cannot create TAP device " + name + ": " + detail
                        + "; it needs CAP_NET_ADMIN, run as root";
                case EBUSY -> "TAP device " + name + " is in use by another process (another `flowswitch sim run`?):"
                        + " stop that process or choose another name";
                case EINVAL -> "cannot open " + name + " as a TAP device: " + detail + "; an interface of that name"
                        + " that is not a TAP may exist (see `ip link show " + name + "`), delete it or choose another name";
                default -> "cannot open TAP device " + name + ": " + detail;
            });
        }
        return new TapDevice(name, fd);
    }

    /**
     * Checks that TAP devices can be opened here at all (the clone device exists and this process may open it).
     *
     * @throws TapException saying what is missing and how to get it
     */
    public static void checkAvailable() {
        LibC.INSTANCE.close(openCloneDevice());
    }

    public String name() {
        return name;
    }

    int fd() {
        return fd;
    }

    /** The next frame the kernel sent out of the interface, or empty when none is waiting. */
    public Optional<byte[]> read() {
        long n = LibC.INSTANCE.read(fd, readBuffer, new NativeLong(MAX_FRAME_BYTES)).longValue();
        if (n < 0) {
            Errno errno = Errno.last();
            if (errno == Errno.EAGAIN || errno == Errno.EINTR) {
                return Optional.empty();
            }
            throw new TapException("reading TAP device " + name + " failed: " + Errno.describeLast()
                    + goneHint(errno));
        }
        return Optional.of(readBuffer.getByteArray(0, (int) n));
    }

    /**
     * Hands {@code frame} to the kernel as received on the interface.
     *
     * @return false if the kernel dropped it because the interface is down (as a wire drops what nobody listens to)
     */
    public boolean write(byte[] frame) {
        if (frame.length > MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("a frame of " + frame.length + " bytes is larger than a TAP device takes ("
                    + MAX_FRAME_BYTES + ")");
        }
        writeBuffer.write(0, frame, 0, frame.length);
        long n = LibC.INSTANCE.write(fd, writeBuffer, new NativeLong(frame.length)).longValue();
        if (n >= 0) {
            return true;
        }
        Errno errno = Errno.last();
        if (errno == Errno.EIO) {
            return false;
        }
        throw new TapException("writing to TAP device " + name + " failed: " + Errno.describeLast() + goneHint(errno));
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            LibC.INSTANCE.close(fd);
        }
    }

    @Override
    public String toString() {
        return "TapDevice[" + name + "]";
    }

    private static int openCloneDevice() {
        if (!Files.exists(CLONE_DEVICE)) {
            throw new TapException(CLONE_DEVICE + " does not exist: load the tun module (`modprobe tun`) or, in a"
                    + " container, pass the device in (docker run --device /dev/net/tun --cap-add NET_ADMIN)");
        }
        int fd = LibC.INSTANCE.open(CLONE_DEVICE.toString(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) {
            Errno errno = Errno.last();
            throw new TapException("cannot open " + CLONE_DEVICE + ": " + Errno.describeLast()
                    + (errno == Errno.EACCES || errno == Errno.EPERM ? "; run as root" : ""));
        }
        return fd;
    }

    // The kernel detaches the file from a device that was deleted, for example with the namespace it was moved to.
    private static String goneHint(Errno errno) {
        return errno == Errno.EBADFD ? "; the interface was deleted (with its network namespace?)" : "";
    }

    static void checkName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("interface name '" + name + "' must have 1 to " + MAX_NAME_LENGTH
                    + " characters");
        }
        if (name.equals(".") || name.equals("..") || !name.chars().allMatch(TapDevice::allowedInName)) {
            throw new IllegalArgumentException("interface name '" + name + "' may only use letters, digits, '-', '_'"
                    + " and '.'");
        }
    }

    private static boolean allowedInName(int c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.');
    }
}
