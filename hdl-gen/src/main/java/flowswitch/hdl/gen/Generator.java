package flowswitch.hdl.gen;

import static flowswitch.hdl.dsl.HwComponent.build;

import flowswitch.config.HardwareParams;
import flowswitch.hdl.control.ControlPlaneConfig;
import flowswitch.hdl.control.uart.UartBridgeConfig;
import flowswitch.hdl.top.FlowSwitch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Generates the switch for one set of hardware parameters: the Verilog of the top {@code FlowSwitch} and, from the
 * same elaboration, the register map as JSON (read by the host driver), a C header and Markdown, and the lint
 * waivers that go with the Verilog.
 */
public final class Generator {
    public static final String TOP = "FlowSwitch";

    private Generator() {}

    /** The switch as it goes on a board (UART at 115200 baud on a 125 MHz clock). */
    public static GeneratedDesign generate(HardwareParams hw, Path outDir) {
        return generate(hw, ControlPlaneConfig.forHardware(hw).uartBridge(), outDir);
    }

    /**
     * The switch with its UART bridge's timing given: a simulation uses a bit time of a few clocks, since simulated
     * clocks are expensive and the line's baud rate means nothing there. Everything else is as for a board.
     */
    public static GeneratedDesign generate(HardwareParams hw, UartBridgeConfig uart, Path outDir) {
        AtomicReference<FlowSwitch> top = new AtomicReference<>();
        VerilogWriter.write(outDir, () -> {
            FlowSwitch t = build(new FlowSwitch(hw, uart));
            top.set(t);
            return t;
        });
        GeneratedDesign design = new GeneratedDesign(outDir, TOP, outDir.resolve(TOP + ".v"),
                outDir.resolve("regmap.json"), outDir.resolve("flowswitch_regs.h"), outDir.resolve("regmap.md"),
                outDir.resolve("lint-waivers.vlt"));
        top.get().registerMap().writeJson(design.registerMapJson());
        top.get().registerMap().writeCHeader(design.cHeader());
        top.get().registerMap().writeMarkdown(design.registerMapMarkdown());
        try {
            Files.writeString(design.lintWaivers(), LintWaivers.text());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + design.lintWaivers() + ": " + e.getMessage(), e);
        }
        if (!Files.isRegularFile(design.verilog())) {
            throw new IllegalStateException("SpinalHDL did not write " + design.verilog());
        }
        return design;
    }
}
