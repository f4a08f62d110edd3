package flowswitch.driver.transport.pcie;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import flowswitch.driver.transport.DeviceException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file mapped into memory with mmap(2) through JNA: a PCI BAR ({@code resource0}), an XDMA user device, or a
 * plain file standing in for one. Accesses are single aligned 32-bit loads and stores, little-endian as on PCIe.
 */
final class MappedBar implements AutoCloseable {
    /** The register bus has a 16-bit byte address space: no more of a larger BAR is mapped. */
    static final int REGISTER_SPACE = 0x10000;

    /** The few libc calls needed; constants from Linux's headers (the same on x86-64 and arm64). */
    private interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);
        int O_RDWR = 2;
        int O_SYNC = 0x101000;
        int PROT_READ = 1;
        int PROT_WRITE = 2;
        int MAP_SHARED = 1;

        int open(String path, int flags) throws LastErrorException;

        Pointer mmap(Pointer address, long length, int protection, int flags, int fd, long offset)
                throws LastErrorException;

        int munmap(Pointer address, long length) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    private final Pointer base;
    private final long length;
    // A view of the mapping: ByteBuffer.getInt/putInt at an aligned index compile to one 32-bit load or store.
    private final ByteBuffer window;

    private MappedBar(Pointer base, long length) {
        this.base = base;
        this.length = length;
        this.window = base.getByteBuffer(0, length).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Maps the first {@link #REGISTER_SPACE} bytes of {@code file} (all of it when smaller; a character device has no
     * size, so the register space is asked for).
     *
     * @throws DeviceException naming {@code device} and why the file cannot be mapped
     */
    static MappedBar map(String device, Path file) {
        if (!Files.exists(file)) {
            throw new DeviceException(device, "map " + file, "it does not exist; check the PCI address with"
                    + " lspci -D, or that the XDMA driver is loaded");
        }
        long size;
        try {
            size = Files.isRegularFile(file) ? Files.size(file) : REGISTER_SPACE;
        } catch (IOException e) {
            throw new DeviceException(device, "map " + file, "cannot read its size: " + e.getMessage(), e);
        }
        long length = Math.min(size, REGISTER_SPACE);
        if (length < Integer.BYTES) {
            throw new DeviceException(device, "map " + file, "it has " + size + " bytes, no room for a register");
        }
        int fd;
        try {
            fd = LibC.INSTANCE.open(file.toString(), LibC.O_RDWR | LibC.O_SYNC);
        } catch (LastErrorException e) {
            throw new DeviceException(device, "open " + file, e.getMessage() + (e.getErrorCode() == 13
                    ? "; mapping a BAR needs root (or write access to the file)" : ""), e);
        }
        try {
            Pointer base = LibC.INSTANCE.mmap(null, length, LibC.PROT_READ | LibC.PROT_WRITE, LibC.MAP_SHARED, fd, 0);
            return new MappedBar(base, length);
        } catch (LastErrorException e) {
            throw new DeviceException(device, "map " + file, e.getMessage() + "; is BAR0 at least " + length
                    + " bytes, and is the device enabled (echo 1 > /sys/bus/pci/devices/BDF/enable)?", e);
        } finally {
            // The mapping keeps its own reference to the file.
            LibC.INSTANCE.close(fd);
        }
    }

    long length() {
        return length;
    }

    int read(int offset) {
        return window.getInt(offset);
    }

    void write(int offset, int value) {
        window.putInt(offset, value);
    }

    @Override
    public void close() {
        LibC.INSTANCE.munmap(base, length);
    }
}
