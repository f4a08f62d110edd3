package flowswitch.sim.tap;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The few libc calls a TAP device needs. Errors come back as -1 with errno in {@link Native#getLastError()}
 * (JNA keeps it per thread), which is cheaper than exceptions on the hot read path where EAGAIN is normal.
 */
interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    int open(String path, int flags);

    int close(int fd);

    // ioctl is variadic in C: declared so here, JNA passes the argument the way a variadic callee reads it.
    int ioctl(int fd, NativeLong request, Object... argument);

    NativeLong read(int fd, Pointer buffer, NativeLong count);

    NativeLong write(int fd, Pointer buffer, NativeLong count);

    int poll(Pointer fds, NativeLong count, int timeoutMillis);

    String strerror(int errno);
}
