package flowswitch.sim.device;

import flowswitch.driver.transport.DeviceException;
import flowswitch.driver.transport.RegisterBus;
import flowswitch.sim.verilator.AxiLiteException;
import flowswitch.sim.verilator.VerilatedModel;

/** The simulated switch's AXI4-Lite port as the host driver's register bus. */
public final class ModelRegisterBus implements RegisterBus {
    private final VerilatedModel model;
    private final String name;

    public ModelRegisterBus(VerilatedModel model, String name) {
        this.model = model;
        this.name = name;
    }

    @Override
    public synchronized int read(int address) {
        try {
            return model.axilRead(address);
        } catch (AxiLiteException e) {
            throw new DeviceException(name, "read of 0x" + Integer.toHexString(address), e.getMessage(), e);
        }
    }

    @Override
    public synchronized void write(int address, int value) {
        try {
            model.axilWrite(address, value);
        } catch (AxiLiteException e) {
            throw new DeviceException(name, "write of 0x" + Integer.toHexString(address), e.getMessage(), e);
        }
    }

    @Override
    public String device() {
        return name;
    }

    @Override
    public void close() {
        // The model belongs to the SimulatedSwitch that made this bus.
    }
}
