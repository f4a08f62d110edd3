package flowswitch.hdl.synth;

import static flowswitch.hdl.dsl.HwComponent.build;

import flowswitch.config.HardwareParams;
import flowswitch.hdl.board.cml.NetFpga1gCml;
import flowswitch.hdl.board.cml.NetFpga1gCmlConfig;
import flowswitch.hdl.board.ice40.Ice40Hx8k;
import flowswitch.hdl.board.ice40.Ice40Hx8kConfig;
import flowswitch.hdl.board.ice40.Ice40Hx8kPhyTest;
import flowswitch.hdl.board.sume.NetFpgaSumeConfig;
import flowswitch.hdl.board.sume.NetFpgaSumeOpl;
import flowswitch.hdl.dsl.HwComponent;
import flowswitch.hdl.gen.VerilogWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Elaborates the top of a board and design to Verilog, and says which clocks it has. */
public final class BoardTops {
    private BoardTops() {}

    /**
     * @throws IllegalArgumentException when the board has no such design or cannot take {@code hw} (wrong port
     *                                  count or width), naming what it takes
     */
    public static ElaboratedTop generate(Board board, BoardDesign design, HardwareParams hw, Path directory) {
        validate(board, design, hw);
        return switch (board) {
            case ICE40_HX8K -> {
                Ice40Hx8kConfig cfg = new Ice40Hx8kConfig(hw);
                Supplier<HwComponent> top = design == BoardDesign.PHY_TEST
                        ? () -> build(new Ice40Hx8kPhyTest(cfg)) : () -> build(new Ice40Hx8k(cfg));
                yield write(top, directory, ice40Clocks());
            }
            case NETFPGA_1G_CML -> {
                NetFpga1gCmlConfig cfg = new NetFpga1gCmlConfig(hw);
                yield write(() -> build(new NetFpga1gCml(cfg)), directory, cmlClocks());
            }
            case NETFPGA_SUME -> {
                NetFpgaSumeConfig cfg = new NetFpgaSumeConfig(hw);
                yield write(() -> build(new NetFpgaSumeOpl(cfg)), directory, List.of(
                        new ClockTarget("axis_aclk", NetFpgaSumeConfig.CORE_CLOCK_HZ / 1e6),
                        new ClockTarget("S_AXI_ACLK", NetFpgaSumeConfig.REGISTER_CLOCK_HZ / 1e6)));
            }
        };
    }

    /**
     * Checks, without elaborating anything, that the board has the design and can carry {@code hw}.
     *
     * @throws IllegalArgumentException naming what the board takes
     */
    public static void validate(Board board, BoardDesign design, HardwareParams hw) {
        if (!board.designs().contains(design)) {
            throw new IllegalArgumentException(board.id() + " has no design '" + design.id() + "'; it has "
                    + board.designs().stream().map(BoardDesign::id).toList());
        }
        switch (board) {
            case ICE40_HX8K -> new Ice40Hx8kConfig(hw);
            case NETFPGA_1G_CML -> new NetFpga1gCmlConfig(hw);
            case NETFPGA_SUME -> new NetFpgaSumeConfig(hw);
        }
    }

    private static List<ClockTarget> ice40Clocks() {
        List<ClockTarget> clocks = new ArrayList<>();
        clocks.add(new ClockTarget("clk_12mhz", Ice40Hx8kConfig.CORE_CLOCK_HZ / 1e6));
        for (int i = 0; i < Ice40Hx8kConfig.PORTS; i++) {
            clocks.add(new ClockTarget("mii" + i + "_rx_clk", Ice40Hx8kConfig.PHY_CLOCK_HZ / 1e6));
            clocks.add(new ClockTarget("mii" + i + "_tx_clk", Ice40Hx8kConfig.PHY_CLOCK_HZ / 1e6));
        }
        return clocks;
    }

    private static List<ClockTarget> cmlClocks() {
        List<ClockTarget> clocks = new ArrayList<>();
        clocks.add(new ClockTarget("clk_200_p", NetFpga1gCmlConfig.BOARD_CLOCK_MHZ));
        for (int i = 0; i < NetFpga1gCmlConfig.PORTS; i++) {
            clocks.add(new ClockTarget("rgmii" + i + "_rxc", NetFpga1gCmlConfig.CORE_CLOCK_HZ / 1e6));
        }
        return clocks;
    }

    private static ElaboratedTop write(Supplier<HwComponent> top, Path directory, List<ClockTarget> clocks) {
        String[] module = new String[1];
        VerilogWriter.write(directory, () -> {
            HwComponent t = top.get();
            module[0] = t.definitionName();
            return t;
        });
        Path verilog = directory.resolve(module[0] + ".v");
        if (!verilog.toFile().isFile()) throw new IllegalStateException("SpinalHDL did not write " + verilog);
        return new ElaboratedTop(module[0], verilog, clocks);
    }
}
