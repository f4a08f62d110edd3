package flowswitch.hdl.synth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a device offers, by the resource names the reports use: logic cells and 4 kbit block RAMs on an iCE40;
 * LUTs, flip-flops, 36 kbit block RAMs and DSP slices on a 7-series part.
 */
public record PartResources(String part, Map<String, Long> available) {
    public static final String ICE40_LC = "ICESTORM_LC";
    public static final String ICE40_RAM = "ICESTORM_RAM";
    public static final String ICE40_IO = "SB_IO";
    public static final String ICE40_GB = "SB_GB";
    public static final String LUT = "LUT";
    public static final String FF = "FF";
    public static final String BRAM36 = "BRAM36";
    public static final String DSP = "DSP";

    public PartResources {
        available = Map.copyOf(available);
    }

    /** iCE40HX8K (Lattice DS1040): 7,680 logic cells, 32 RAM4K blocks, 206 I/Os on the CT256 package. */
    public static PartResources ice40Hx8k() {
        return of("iCE40HX8K-CT256", ICE40_LC, 7680, ICE40_RAM, 32, ICE40_IO, 256, ICE40_GB, 8);
    }

    /** XC7K325T (Xilinx DS180): 203,800 LUTs, 407,600 flip-flops, 445 36 kbit block RAMs, 840 DSP48E1. */
    public static PartResources xc7k325t() {
        return of("xc7k325tffg676-1", LUT, 203_800, FF, 407_600, BRAM36, 445, DSP, 840);
    }

    /** XC7VX690T (Xilinx DS180): 433,200 LUTs, 866,400 flip-flops, 1,470 36 kbit block RAMs, 3,600 DSP48E1. */
    public static PartResources xc7vx690t() {
        return of("xc7vx690tffg1761-3", LUT, 433_200, FF, 866_400, BRAM36, 1_470, DSP, 3_600);
    }

    public long available(String resource) {
        Long n = available.get(resource);
        if (n == null) throw new IllegalArgumentException(part + " has no resource " + resource + "; it has " + available.keySet());
        return n;
    }

    private static PartResources of(String part, Object... pairs) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) map.put((String) pairs[i], ((Number) pairs[i + 1]).longValue());
        return new PartResources(part, map);
    }
}
