package flowswitch.sim.device;

import flowswitch.config.HardwareParams;
import flowswitch.config.SwitchConfig;
import flowswitch.driver.api.FlowSwitchDevice;
import flowswitch.driver.regmap.RegisterMap;
import flowswitch.hdl.gen.GeneratedDesign;
import flowswitch.hdl.gen.Generator;
import flowswitch.sim.verilator.BuiltModel;
import flowswitch.sim.verilator.ModelBuilder;
import flowswitch.sim.verilator.TopLevel;
import flowswitch.sim.verilator.VerilatedModel;
import java.nio.file.Path;

/**
 * The generated switch running under Verilator, with the host driver attached to its register port: what replay,
 * {@code sim run}, the demo and the system tests all start from. The runtime configuration (services, servers,
 * MACs) goes in through the registers, exactly as on a board.
 */
public final class SimulatedSwitch implements AutoCloseable {
    private final GeneratedDesign design;
    private final BuiltModel built;
    private final VerilatedModel model;
    private final ModelRegisterBus bus;
    private final FlowSwitchDevice device;

    private SimulatedSwitch(GeneratedDesign design, BuiltModel built, VerilatedModel model) {
        this.design = design;
        this.built = built;
        this.model = model;
        this.bus = new ModelRegisterBus(model, "sim:" + design.directory());
        this.device = FlowSwitchDevice.open(bus, RegisterMap.load(design.registerMapJson()));
    }

    /** Generates the hardware for {@code hw} into {@code workDir}, builds (or reuses) its Verilator model, resets it. */
    public static SimulatedSwitch start(HardwareParams hw, Path workDir) {
        GeneratedDesign design = Generator.generate(hw, workDir);
        BuiltModel built = ModelBuilder.of(design.directory(), new TopLevel(design.topName(), hw.ports(), hw.dataWidth()))
                .build();
        VerilatedModel model = built.open();
        model.reset(16);
        return new SimulatedSwitch(design, built, model);
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

    public VerilatedModel model() {
        return model;
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
