package flowswitch.sim.tap;

import com.sun.jna.Native;
import java.util.Arrays;

/** The errno values a TAP device's calls are expected to meet (Linux numbering); anything else is {@link #OTHER}. */
enum Errno {
    EPERM(1), ENOENT(2), EINTR(4), EIO(5), EAGAIN(11), EACCES(13), EBUSY(16), ENODEV(19), EINVAL(22), EBADFD(77), OTHER(-1);

    private final int code;

    Errno(int code) {
        this.code = code;
    }

    static Errno of(int code) {
        return Arrays.stream(values()).filter(e -> e.code == code).findFirst().orElse(OTHER);
    }

    /** The errno of the calling thread's last native call. */
    static Errno last() {
        return of(Native.getLastError());
    }

    /** The C library's text for the calling thread's last errno, with its number. */
    static String describeLast() {
        int code = Native.getLastError();
        return LibC.INSTANCE.strerror(code) + " (errno " + code + ")";
    }
}
