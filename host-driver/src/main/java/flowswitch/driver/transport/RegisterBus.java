package flowswitch.driver.transport;

/**
 * The device's 32-bit register bus: byte addresses, word aligned, 16-bit address space. Implementations throw
 * {@link DeviceException} when an access fails.
 */
public interface RegisterBus extends AutoCloseable {
    int read(int address);

    void write(int address, int value);

    /** Names the device in messages, in the form fsctl's --device takes when there is one. */
    default String device() {
        return getClass().getSimpleName();
    }

    @Override
    void close();
}
