package flowswitch.sim.device;

import flowswitch.driver.transport.DeviceException;
import flowswitch.driver.transport.RegisterBus;
import flowswitch.sim.verilator.AxiLiteException;
import flowswitch.sim.verilator.VerilatedModel;

/** The simulated switch's AXI4-Lite port as the host driver's register bus. */
public final class ModelRegisterBus implements RegisterBus {
    private final VerilatedModel model;
    private final String name;
    private final Object modelLock;

    /** @param modelLock held for each access: every thread that uses {@code model} holds it */
    ModelRegisterBus(VerilatedModel model, String name, Object modelLock) {
        this.model = model;
        this.name = name;
        this.modelLock = modelLock;
    }

    @Override
    public int read(int address) {
        synchronized (modelLock) {
            try {
                return model.axilRead(address);
            } catch (AxiLiteException e) {
                throw new DeviceException(name, "read of 0x" + Integer.toHexString(address), e.getMessage(), e);
            }
        }
    }

    @Override
    public void write(int address, int value) {
        synchronized (modelLock) {
            try {
                model.axilWrite(address, value);
            } catch (AxiLiteException e) {
                throw new DeviceException(name, "write of 0x" + Integer.toHexString(address), e.getMessage(), e);
            }
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
