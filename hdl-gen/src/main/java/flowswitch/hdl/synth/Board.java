package flowswitch.hdl.synth;

import flowswitch.config.HardwareParams;
import flowswitch.hdl.board.cml.NetFpga1gCmlConfig;
import flowswitch.hdl.board.ice40.Ice40Hx8kConfig;
import flowswitch.hdl.board.sume.NetFpgaSumeConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The boards {@code flowswitch synth} builds for, with their parts, constraint files and default hardware. */
public enum Board {
    ICE40_HX8K("ice40-hx8k", "Lattice iCE40-HX8K breakout board", Family.ICE40, PartResources.ice40Hx8k(),
            "ice40-hx8k.pcf", List.of(BoardDesign.SWITCH, BoardDesign.PHY_TEST)),
    NETFPGA_1G_CML("netfpga-1g-cml", "NetFPGA-1G-CML (XC7K325T-1FFG676)", Family.XILINX_7, PartResources.xc7k325t(),
            "netfpga-1g-cml.xdc", List.of(BoardDesign.SWITCH)),
    NETFPGA_SUME("netfpga-sume", "NetFPGA SUME (XC7VX690T-3FFG1761), output-port-lookup core", Family.XILINX_7,
            PartResources.xc7vx690t(), "output_port_lookup_ip.xdc", List.of(BoardDesign.SWITCH));

    /** Which toolchain a board needs. */
    public enum Family { ICE40, XILINX_7 }

    private final String id;
    private final String description;
    private final Family family;
    private final PartResources resources;
    private final String constraintFile;
    private final List<BoardDesign> designs;

    Board(String id, String description, Family family, PartResources resources, String constraintFile,
          List<BoardDesign> designs) {
        this.id = id;
        this.description = description;
        this.family = family;
        this.resources = resources;
        this.constraintFile = constraintFile;
        this.designs = designs;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public Family family() {
        return family;
    }

    public PartResources resources() {
        return resources;
    }

    public List<BoardDesign> designs() {
        return designs;
    }

    /** {@code constraints/<board>/<file>} in the checkout at {@code repo}. */
    public Path constraintFile(Path repo) {
        return repo.resolve("constraints").resolve(id).resolve(constraintFile);
    }

    /** {@code bitstreams/<board>/}: the board's build recipes; outputs go to its {@code out/}. */
    public Path recipeDirectory(Path repo) {
        return repo.resolve("bitstreams").resolve(id);
    }

    /** What the board builds without a config file: the reduced switch on the iCE40, the defaults elsewhere. */
    public HardwareParams defaultHardware() {
        return switch (this) {
            case ICE40_HX8K -> Ice40Hx8kConfig.reduced().hw();
            case NETFPGA_1G_CML -> NetFpga1gCmlConfig.defaults().hw();
            case NETFPGA_SUME -> NetFpgaSumeConfig.defaults().hw();
        };
    }

    /** @throws IllegalArgumentException naming the boards there are */
    public static Board byId(String id) {
        return Arrays.stream(values()).filter(b -> b.id.equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no board '" + id + "'; the boards are: "
                        + Arrays.stream(values()).map(Board::id).collect(Collectors.joining(", "))));
    }
}
