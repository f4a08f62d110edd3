package flowswitch.sim.tap;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import java.util.List;

/** Waits, without spinning, until one of a fixed set of TAP devices has a frame to read ({@code poll(2)}). */
final class TapPoller {
    // <poll.h>: struct pollfd { int fd; short events; short revents; }
    private static final int POLLFD_BYTES = 8;
    private static final int EVENTS_OFFSET = 4;
    private static final int REVENTS_OFFSET = 6;
    private static final short POLLIN = 0x1;
    private static final short POLLERR = 0x8;
    private static final short POLLHUP = 0x10;
    private static final short POLLNVAL = 0x20;

    private final List<TapDevice> devices;
    private final Memory fds;

    TapPoller(List<TapDevice> devices) {
        this.devices = List.copyOf(devices);
        this.fds = new Memory((long) POLLFD_BYTES * Math.max(1, devices.size()));
        for (int i = 0; i < devices.size(); i++) {
            fds.setInt((long) i * POLLFD_BYTES, devices.get(i).fd());
            fds.setShort((long) i * POLLFD_BYTES + EVENTS_OFFSET, POLLIN);
        }
    }

    /**
     * Waits up to {@code timeoutMillis} (0: just looks) for frames.
     *
     * @return for each device, in the order given, whether a frame is waiting
     * @throws TapException if a device failed (it was deleted, for instance)
     */
    boolean[] await(int timeoutMillis) {
        boolean[] readable = new boolean[devices.size()];
        int n = LibC.INSTANCE.poll(fds, new NativeLong(devices.size()), timeoutMillis);
        if (n < 0) {
            if (Errno.last() == Errno.EINTR) {
                return readable;
            }
            throw new TapException("waiting for frames on " + devices + " failed: " + Errno.describeLast());
        }
        for (int i = 0; i < readable.length && n > 0; i++) {
            short revents = fds.getShort((long) i * POLLFD_BYTES + REVENTS_OFFSET);
            if ((revents & (POLLERR | POLLHUP | POLLNVAL)) != 0) {
                throw new TapException("TAP device " + devices.get(i).name() + " failed (poll events 0x"
                        + Integer.toHexString(revents & 0xffff) + "); the interface was deleted (with its network"
                        + " namespace?)");
            }
            readable[i] = (revents & POLLIN) != 0;
        }
        return readable;
    }
}
