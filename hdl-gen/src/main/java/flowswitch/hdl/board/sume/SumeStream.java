package flowswitch.hdl.board.sume;

import flowswitch.hdl.dsl.BitLayout;

/**
 * The NetFPGA SUME datapath's stream conventions: 256-bit {@code tdata} (byte 0 of the frame in bits 7:0), 128-bit
 * {@code tuser} carrying the frame length in bytes (bits 15:0), the source port one-hot (bits 23:16) and the
 * destination ports one-hot (bits 31:24). In a port byte, bit 2i is physical port nf{i} and bit 2i+1 the host DMA
 * queue paired with it. Bit 32, the first of the user-defined bits, marks a frame the switch aborted (a late error,
 * docs/datapath.md "Parse"): the MAC after the pipeline must not send it as good.
 */
public final class SumeStream {
    public static final int DATA_WIDTH = 256;
    public static final int TUSER_WIDTH = 128;
    public static final int LENGTH_POS = 0;
    public static final int LENGTH_WIDTH = 16;
    public static final int SRC_PORT_POS = 16;
    public static final int DST_PORT_POS = 24;
    public static final int PORT_BITS = 8;
    public static final int ABORTED_POS = 32;
    /** Physical ports (SFP+ cages nf0..nf3). */
    public static final int PHYSICAL_PORTS = 4;

    /** One beat as the OPL's output carries it. */
    public static final BitLayout BEAT = BitLayout.builder("SumeBeat")
            .field("data", DATA_WIDTH)
            .field("keep", DATA_WIDTH / 8)
            .field("last", 1)
            .field("tuser", TUSER_WIDTH)
            .build();

    /** What the OPL knows of a stored frame before it sends it: its length, and whether the switch aborted it. */
    public static final BitLayout FRAME = BitLayout.builder("SumeFrame")
            .field("length", LENGTH_WIDTH)
            .field("aborted", 1)
            .build();

    private SumeStream() {}

    /** The one-hot port byte bit of physical port {@code port}. */
    public static int physicalPortBit(int port) {
        return 2 * port;
    }
}
