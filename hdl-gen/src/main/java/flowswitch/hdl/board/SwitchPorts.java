package flowswitch.hdl.board;

import static flowswitch.hdl.dsl.Hw.FALSE;
import static flowswitch.hdl.dsl.Hw.assign;
import static flowswitch.hdl.dsl.Hw.stream;

import flowswitch.hdl.dsl.BitLayout;
import flowswitch.hdl.stream.AxisBeat;
import flowswitch.hdl.top.FlowSwitch;
import java.util.Map;
import scala.jdk.javaapi.CollectionConverters;
import spinal.core.BaseType;
import spinal.core.Bits;
import spinal.core.Bool;
import spinal.core.UInt;
import spinal.lib.Stream;
import spinal.lib.bus.amba4.axilite.AxiLite4;

/**
 * The pins of a {@link FlowSwitch} placed inside a board top, reached by their Verilog names (the switch's port
 * naming is its contract: {@code s_axis_<i>_*}, {@code m_axis_<i>_*}, {@code s_axil_*}, {@code uart_*}).
 */
public final class SwitchPorts {
    private final FlowSwitch core;
    private final BitLayout beat;

    public SwitchPorts(FlowSwitch core, int dataWidth) {
        this.core = core;
        this.beat = AxisBeat.layout(dataWidth);
    }

    /** Frames into switch port {@code port}: drive the returned stream. */
    public Stream<Bits> ingress(int port) {
        String p = "s_axis_" + port;
        Stream<Bits> frames = stream(beat::newBits);
        assign(bool(p + "_tvalid"), frames.valid());
        assign(bits(p + "_tdata"), beat.get(frames.payload(), "data"));
        assign(bits(p + "_tkeep"), beat.get(frames.payload(), "keep"));
        assign(bool(p + "_tlast"), beat.getBool(frames.payload(), "last"));
        assign(bool(p + "_tuser"), beat.getBool(frames.payload(), "user"));
        assign(frames.ready(), bool(p + "_tready"));
        return frames;
    }

    /** Frames out of switch port {@code port}: read the returned stream ({@code user} on a last beat: aborted). */
    public Stream<Bits> egress(int port) {
        String p = "m_axis_" + port;
        Stream<Bits> frames = stream(beat::newBits);
        assign(frames.valid(), bool(p + "_tvalid"));
        beat.assignAll(frames.payload(), Map.of("data", bits(p + "_tdata"), "keep", bits(p + "_tkeep"),
                "last", bool(p + "_tlast"), "user", bool(p + "_tuser")));
        assign(bool(p + "_tready"), frames.ready());
        return frames;
    }

    /** Leaves the AXI4-Lite port idle, for boards whose only register path is the UART bridge. */
    public void idleAxiLite() {
        for (String input : new String[] {"awvalid", "awaddr", "awprot", "wvalid", "wdata", "wstrb", "arvalid",
                "araddr", "arprot"}) {
            BaseType pin = pin("s_axil_" + input);
            if (pin instanceof Bool b) assign(b, false);
            else if (pin instanceof UInt u) assign(u, 0);
            else assign((Bits) pin, 0);
        }
        assign(bool("s_axil_bready"), true);
        assign(bool("s_axil_rready"), true);
    }

    /** Connects the AXI4-Lite port to {@code master}, a bus this component drives as master. */
    public void driveAxiLite(AxiLite4 master) {
        assign(bool("s_axil_awvalid"), master.aw().valid());
        assign(uint("s_axil_awaddr"), master.aw().payload().addr());
        assign(bits("s_axil_awprot"), master.aw().payload().prot());
        assign(master.aw().ready(), bool("s_axil_awready"));
        assign(bool("s_axil_wvalid"), master.w().valid());
        assign(bits("s_axil_wdata"), master.w().payload().data());
        assign(bits("s_axil_wstrb"), master.w().payload().strb());
        assign(master.w().ready(), bool("s_axil_wready"));
        assign(master.b().valid(), bool("s_axil_bvalid"));
        assign(master.b().payload().resp(), bits("s_axil_bresp"));
        assign(bool("s_axil_bready"), master.b().ready());
        assign(bool("s_axil_arvalid"), master.ar().valid());
        assign(uint("s_axil_araddr"), master.ar().payload().addr());
        assign(bits("s_axil_arprot"), master.ar().payload().prot());
        assign(master.ar().ready(), bool("s_axil_arready"));
        assign(master.r().valid(), bool("s_axil_rvalid"));
        assign(master.r().payload().data(), bits("s_axil_rdata"));
        assign(master.r().payload().resp(), bits("s_axil_rresp"));
        assign(bool("s_axil_rready"), master.r().ready());
    }

    /** The switch's one-bit pin named {@code name}. */
    public Bool bool(String name) {
        return (Bool) pin(name);
    }

    /** The switch's vector pin named {@code name}. */
    public Bits bits(String name) {
        return (Bits) pin(name);
    }

    private UInt uint(String name) {
        return (UInt) pin(name);
    }

    private BaseType pin(String name) {
        for (BaseType io : CollectionConverters.asJava(core.getAllIo())) {
            if (name.equals(io.getName())) return io;
        }
        throw new IllegalArgumentException("FlowSwitch has no pin " + name + " (its ports: s_axis_<i>_*, m_axis_<i>_*,"
                + " s_axil_*, uart_rxd, uart_txd)");
    }
}
