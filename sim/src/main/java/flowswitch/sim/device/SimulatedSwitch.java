package flowswitch.sim.device;

import flowswitch.config.HardwareParams;
import flowswitch.config.SwitchConfig;
import flowswitch.driver.api.FlowSwitchDevice;
import flowswitch.driver.regmap.Register;
import flowswitch.driver.regmap.RegisterMap;
import flowswitch.hdl.control.uart.UartBridgeConfig;
import flowswitch.hdl.gen.GeneratedDesign;
import flowswitch.hdl.gen.Generator;
import flowswitch.sim.verilator.BuiltModel;
import flowswitch.sim.verilator.ModelBuilder;
import flowswitch.sim.verilator.TopLevel;
import flowswitch.sim.verilator.VerilatedModel;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The generated switch running under Verilator, with the host driver attached to its register port: what replay,
 * {@code sim run}, the demo and the system tests all start from. The runtime configuration (services, servers,
 * MACs) goes in through the registers, exactly as on a board.
 * <p>
 * The model is shared by the register bus and the UART (see {@link #exclusive}), each used from its own thread.
 */
public final class SimulatedSwitch implements AutoCloseable {
    /**
     * The UART bridge's timing in simulation: 5 clocks per bit, the shortest its receiver can sample (5 samples a
     * bit), instead of a board's 1085 (115200 baud at 125 MHz). A simulated clock costs the same whatever the baud
     * rate, and a pseudo-terminal has no baud rate, so a register access over the UART takes about 1,000 clocks
     * instead of 200,000. The bridge logic, the frame gap (in byte times), the register map, the BUILD word and the
     * AXI4-Lite path are those of a board build; only the bit-time divider differs.
     */
    public static final int UART_CLOCKS_PER_BIT = 5;
    public static final UartBridgeConfig UART = new UartBridgeConfig(UART_CLOCKS_PER_BIT,
            UartBridgeConfig.DEFAULT_FRAME_GAP_BYTES);

    private final Object modelLock = new Object();
    private final GeneratedDesign design;
    private final BuiltModel built;
    private final VerilatedModel model;
    private final ModelRegisterBus bus;
    private final FlowSwitchDevice device;

    private SimulatedSwitch(GeneratedDesign design, BuiltModel built, VerilatedModel model) {
        this.design = design;
        this.built = built;
        this.model = model;
        this.bus = new ModelRegisterBus(model, "sim:" + design.directory(), modelLock);
        this.device = FlowSwitchDevice.open(bus, RegisterMap.load(design.registerMapJson()));
    }

    /**
     * Generates the hardware for {@code hw} into {@code workDir} (with the {@link #UART} timing), builds (or reuses)
     * its Verilator model, resets it.
     */
    public static SimulatedSwitch start(HardwareParams hw, Path workDir) {
        GeneratedDesign design = Generator.generate(hw, UART, workDir);
        BuiltModel built = ModelBuilder.of(design.directory(), new TopLevel(design.topName(), hw.ports(), hw.dataWidth()))
                .build();
        VerilatedModel model = built.open();
        model.reset(16);
        model.uartConfigure(UART.actualClocksPerBit());
        SimulatedSwitch sw = new SimulatedSwitch(design, built, model);
        sw.awaitFlowTableCleared();
        return sw;
    }

    /**
     * Block RAM keeps no reset: after one the flow table clears its rows and takes no frames until it is done (two
     * clocks a row, docs/datapath.md "Flow table"). Runs the clock until then, so a started switch forwards at once,
     * as a board does once its host has loaded it.
     */
    private void awaitFlowTableCleared() {
        Register status = device.registerMap().register("FLOW_STATUS");
        int busy = status.field("flush_busy").lsb();
        long limit = 4L * device.hardware().flowTableSize() + 1024;
        for (long ran = 0; (bus.read(status.address()) >>> busy & 1) != 0; ran += 256) {
            if (ran > limit) {
                throw new IllegalStateException("the flow table did not finish clearing after reset in " + limit
                        + " clocks; FLOW_STATUS.flush_busy stays 1");
            }
            model.step(256);
        }
    }

    /** Starts the hardware a config describes and loads its runtime part through the registers. */
    public static SimulatedSwitch start(SwitchConfig config, Path workDir) {
        SimulatedSwitch sw = start(config.hardware(), workDir);
        sw.device.apply(config);
        return sw;
    }

    public GeneratedDesign design() {
        return design;
    }

    public BuiltModel built() {
        return built;
    }

    /** The model itself, for a caller that is its only user at the time; threads that share it use {@link #exclusive}. */
    public VerilatedModel model() {
        return model;
    }

    /** Runs {@code action} on the model while no other thread uses it (the register bus holds the same lock). */
    public <T> T exclusive(Function<VerilatedModel, T> action) {
        synchronized (modelLock) {
            return action.apply(model);
        }
    }

    public ModelRegisterBus bus() {
        return bus;
    }

    public FlowSwitchDevice device() {
        return device;
    }

    @Override
    public void close() {
        model.close();
    }
}
