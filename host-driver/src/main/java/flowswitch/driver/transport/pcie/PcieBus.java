package flowswitch.driver.transport.pcie;

import flowswitch.driver.transport.DeviceException;
import flowswitch.driver.transport.RegisterBus;

/**
 * The register bus of a device on PCIe: BAR0 mapped into this process, 32-bit accesses. A PCIe read that no device
 * answers completes with all ones, so a read of 0xFFFFFFFF is checked against the ID register, which never holds
 * all ones: if ID reads all ones too, the device has gone from the bus and the access fails saying so. Thread safe.
 */
public final class PcieBus implements RegisterBus {
    private static final int ALL_ONES = 0xFFFFFFFF;

    private final String device;
    private final MappedBar bar;
    private final int idAddress;
    private boolean closed;

    private PcieBus(String device, MappedBar bar, int idAddress) {
        this.device = device;
        this.bar = bar;
        this.idAddress = idAddress;
    }

    /**
     * Maps BAR0 of {@code target}.
     *
     * @param idAddress where the device's ID register is (from the register map), the register that tells a dead
     *                  device from a register that happens to hold all ones
     * @throws DeviceException naming the device and why BAR0 cannot be mapped
     */
    public static PcieBus open(PcieTarget target, int idAddress) {
        MappedBar bar = MappedBar.map(target.toString(), target.file());
        PcieBus bus = new PcieBus(target.toString(), bar, idAddress);
        try {
            bus.check(idAddress, "map");
            return bus;
        } catch (DeviceException e) {
            bus.close();
            throw e;
        }
    }

    @Override
    public synchronized int read(int address) {
        String operation = "read 0x" + Integer.toHexString(address);
        check(address, operation);
        int value = bar.read(address);
        if (value == ALL_ONES && (address == idAddress || bar.read(idAddress) == ALL_ONES)) {
            throw new DeviceException(device, operation, "read 0xFFFFFFFF, and so does the ID register: the device"
                    + " has fallen off the PCIe bus (link down, removed, or its FPGA reloaded); look for it with"
                    + " lspci -D, then rescan (echo 1 > /sys/bus/pci/rescan) or reboot");
        }
        return value;
    }

    @Override
    public synchronized void write(int address, int value) {
        check(address, "write 0x" + Integer.toHexString(value) + " to 0x" + Integer.toHexString(address));
        bar.write(address, value);
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            bar.close();
        }
    }

    private void check(int address, String operation) {
        if (closed) throw new DeviceException(device, operation, "the bus is closed");
        if (address < 0 || address % Integer.BYTES != 0 || address > bar.length() - Integer.BYTES) {
            throw new DeviceException(device, operation, String.format("address 0x%X is not a word address inside"
                    + " the %d bytes of BAR0 that are mapped", address, bar.length()));
        }
    }
}
